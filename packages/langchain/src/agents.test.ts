import { tool } from "@langchain/core/tools";
import { createReactAgent } from "@langchain/langgraph/prebuilt";
import { SpanStatusCode } from "@opentelemetry/api";
import { BudgetExceededError, createGovernance } from "@sightline/core";
import { createAgent } from "langchain";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  countedCalls,
  idOf,
  parentOf,
  settle,
  spansNamed,
  useLangChainTestContext,
  waitForSpans,
} from "./test-helpers.js";

const ctx = useLangChainTestContext();

const getWeather = tool(async ({ city }: { city: string }) => `Sunny in ${city}`, {
  name: "get_weather",
  description: "The weather in a city",
  schema: z.object({ city: z.string() }),
});

/** A tool call, then an answer. */
function enqueueToolLoop(): void {
  ctx.server.enqueue(
    {
      toolCalls: [{ id: "call_1", name: "get_weather", arguments: '{"city":"Paris"}' }],
      usage: { inputTokens: 50, outputTokens: 10 },
    },
    { text: "It is sunny in Paris.", usage: { inputTokens: 80, outputTokens: 6 } },
  );
}

describe("SightlineCallbackHandler: tools, chains and agents", () => {
  it("records a tool run as execute_tool with its name and call id", async () => {
    await getWeather.invoke(
      { id: "call_9", name: "get_weather", args: { city: "Oslo" }, type: "tool_call" },
      { callbacks: [ctx.handler()] },
    );
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.name).toBe("execute_tool get_weather");
    expect(span?.attributes).toMatchObject({
      "gen_ai.operation.name": "execute_tool",
      "gen_ai.tool.name": "get_weather",
      "gen_ai.tool.call.id": "call_9",
    });
  });

  it("traces a LangGraph ReAct agent: agent → nodes → model calls and tool, cost rolled up, metrics once", async () => {
    enqueueToolLoop();
    const handler = ctx.handler();
    const before = await countedCalls(ctx);
    const agent = createReactAgent({ llm: ctx.chatOpenAI(), tools: [getWeather], name: "weather_agent" });
    const result = await agent.invoke(
      { messages: [{ role: "user", content: "Weather in Paris?" }] },
      { callbacks: [handler] },
    );
    expect(result.messages.at(-1)?.content).toBe("It is sunny in Paris.");
    await settle();
    const spans = ctx.telemetry.spans();
    const [root] = spansNamed(spans, "invoke_agent weather_agent");
    const chats = spansNamed(spans, "chat gpt-4o");
    const [toolSpan] = spansNamed(spans, "execute_tool get_weather");
    expect(root?.attributes["gen_ai.operation.name"]).toBe("invoke_agent");
    expect(root?.attributes["sightline.langchain.run_type"]).toBe("graph");
    expect(chats).toHaveLength(2);
    expect(toolSpan?.attributes["gen_ai.tool.call.id"]).toBe("call_1");
    // Every span is in the agent's trace, under it.
    const byId = new Map(spans.map((span) => [idOf(span), span]));
    const underAgent = (span: (typeof spans)[number] | undefined) => {
      for (let current = span; current; current = byId.get(parentOf(current))) {
        if (current === root) return true;
      }
      return false;
    };
    for (const span of [...chats, toolSpan]) expect(underAgent(span)).toBe(true);
    const nodes = spansNamed(spans, "graph_node *").map((span) => span.name);
    expect(nodes).toEqual(expect.arrayContaining(["graph_node agent", "graph_node tools"]));
    expect(spansNamed(spans, "chain __start__")).toHaveLength(0);
    const costs = chats.map((chat) => chat.attributes["gen_ai.usage.cost"] as number);
    expect(costs.every((cost) => cost > 0)).toBe(true);
    expect(root?.attributes["sightline.cost.total"]).toBeCloseTo((costs[0] ?? 0) + (costs[1] ?? 0), 12);
    expect((await countedCalls(ctx)) - before).toBe(2);
    expect(handler.openRuns).toBe(0);
  });

  it("traces langchain's createAgent as an invoke_agent span with its model and tool spans", async () => {
    enqueueToolLoop();
    const agent = createAgent({ model: ctx.chatOpenAI(), tools: [getWeather], name: "helper" });
    await agent.invoke(
      { messages: [{ role: "user", content: "Weather in Paris?" }] },
      { callbacks: [ctx.handler()] },
    );
    await settle();
    const spans = ctx.telemetry.spans();
    const [root] = spansNamed(spans, "invoke_agent *");
    expect(root?.attributes["gen_ai.agent.name"]).toBe("helper");
    expect(spansNamed(spans, "chat gpt-4o")).toHaveLength(2);
    expect(spansNamed(spans, "execute_tool get_weather")).toHaveLength(1);
    expect(spansNamed(spans, "invoke_agent *")).toHaveLength(1);
    expect(root?.attributes["sightline.cost.total"]).toBeGreaterThan(0);
  });

  it("with agentSpans off, a graph is an INTERNAL graph span without cost roll-up", async () => {
    enqueueToolLoop();
    const agent = createReactAgent({ llm: ctx.chatOpenAI(), tools: [getWeather], name: "plain" });
    await agent.invoke(
      { messages: [{ role: "user", content: "hi" }] },
      { callbacks: [ctx.handler({ agentSpans: false })] },
    );
    await settle();
    const spans = ctx.telemetry.spans();
    expect(spansNamed(spans, "invoke_agent *")).toHaveLength(0);
    const [graph] = spansNamed(spans, "graph plain");
    expect(graph?.attributes["sightline.langchain.run_type"]).toBe("graph");
    expect(graph?.attributes["gen_ai.operation.name"]).toBeUndefined();
    expect(spansNamed(spans, "chat gpt-4o")).toHaveLength(2);
  });

  it("with chainSpans off, model and tool spans sit directly under the agent", async () => {
    enqueueToolLoop();
    const agent = createReactAgent({ llm: ctx.chatOpenAI(), tools: [getWeather], name: "flat" });
    await agent.invoke(
      { messages: [{ role: "user", content: "hi" }] },
      { callbacks: [ctx.handler({ chainSpans: false })] },
    );
    await settle();
    const spans = ctx.telemetry.spans();
    const [root] = spansNamed(spans, "invoke_agent flat");
    expect(spans.map((span) => span.name).sort()).toEqual(
      ["chat gpt-4o", "chat gpt-4o", "execute_tool get_weather", "invoke_agent flat"].sort(),
    );
    for (const span of spans) if (span !== root) expect(parentOf(span)).toBe(idOf(root));
  });

  it("stops the next model call of a running agent over budget in enforce mode with BudgetExceededError", async () => {
    const governance = createGovernance({
      mode: "enforce",
      budgets: [{ name: "run", limit: 55, unit: "tokens", window: { type: "fixed", size: "day" } }],
    });
    enqueueToolLoop();
    const agent = createReactAgent({ llm: ctx.chatOpenAI(), tools: [getWeather], name: "budgeted" });
    const error = await agent
      .invoke(
        { messages: [{ role: "user", content: "Weather in Paris?" }] },
        { callbacks: [ctx.handler({ governance })] },
      )
      .catch((caught: unknown) => caught);
    expect(BudgetExceededError.isInstance(error)).toBe(true);
    expect((error as Error).message).toMatch(/budget/i);
    // The first call (60 tokens) went out; the second was refused before any request.
    expect(ctx.server.requests).toHaveLength(1);
    await settle();
    const spans = ctx.telemetry.spans();
    const [root] = spansNamed(spans, "invoke_agent budgeted");
    expect(root?.status.code).toBe(SpanStatusCode.ERROR);
    expect(root?.attributes["error.type"]).toBe("BudgetExceededError");
    expect(spansNamed(spans, "execute_tool get_weather")).toHaveLength(1);
  });

  it("refuses the first call with 0 requests reaching the server", async () => {
    const governance = createGovernance({
      mode: "enforce",
      policies: [{ name: "cheap-only", allowedModels: ["gpt-4o-mini"] }],
    });
    const error = await ctx
      .chatOpenAI()
      .invoke("hi", { callbacks: [ctx.handler({ governance })] })
      .catch((caught: unknown) => caught);
    expect((error as Error).name).toBe("PolicyViolationError");
    expect(ctx.server.requests).toHaveLength(0);
  });
});
