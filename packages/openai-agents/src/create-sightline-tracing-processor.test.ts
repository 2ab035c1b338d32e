import { Agent, OpenAIChatCompletionsModel, type Runner, run, tool } from "@openai/agents";
import { SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import type { ReadableSpan } from "@opentelemetry/sdk-trace";
import { observeOpenAI } from "@sightline/openai";
import OpenAI from "openai";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  createHandoffAgents,
  durationCount,
  enqueueHandoffRun,
  idOf,
  parentOf,
  settle,
  spansNamed,
  useAgentsTestContext,
} from "./test-helpers.js";

const ctx = useAgentsTestContext();

/** Runs the two-agent handoff inside an app span, and returns the finished spans once all ended. */
async function runHandoff(runner: Runner): Promise<{
  output: unknown;
  spans: ReadableSpan[];
  app: ReadableSpan | undefined;
}> {
  const { triage } = createHandoffAgents();
  enqueueHandoffRun(ctx);
  const tracer = ctx.telemetry.tracerProvider.getTracer("app");
  const result = await tracer.startActiveSpan("app request", async (span) => {
    try {
      return await runner.run(triage, "What is the weather in Paris?");
    } finally {
      span.end();
    }
  });
  await settle(50);
  const spans = ctx.telemetry.spans();
  return { output: result.finalOutput, spans, app: spansNamed(spans, "app request")[0] };
}

/** Checks the tree every route must produce: workflow → agents → chats and the tool, one chat per call. */
function expectHandoffTree(spans: ReadableSpan[], app: ReadableSpan | undefined, provider = "openai"): void {
  const workflow = spansNamed(spans, "invoke_workflow*")[0];
  const triage = spansNamed(spans, "invoke_agent Triage agent")[0];
  const weather = spansNamed(spans, "invoke_agent Weather agent")[0];
  const chats = spansNamed(spans, "chat*");
  const tool = spansNamed(spans, "execute_tool get_weather")[0];
  expect(workflow?.attributes).toMatchObject({
    "gen_ai.operation.name": "invoke_workflow",
    "gen_ai.workflow.name": "Agent workflow",
  });
  // The SDK trace is one OTel trace under the app's span.
  expect(parentOf(workflow)).toBe(idOf(app));
  for (const span of [workflow, triage, weather, tool, ...chats]) {
    expect(span?.spanContext().traceId).toBe(app?.spanContext().traceId);
  }
  expect(parentOf(triage)).toBe(idOf(workflow));
  expect(parentOf(weather)).toBe(idOf(workflow));
  expect(triage?.attributes).toMatchObject({
    "gen_ai.operation.name": "invoke_agent",
    "gen_ai.agent.name": "Triage agent",
  });
  expect(triage?.kind).toBe(SpanKind.INTERNAL);
  expect(chats).toHaveLength(3);
  const [first, second, third] = chats.sort(
    (a, b) => a.startTime[0] - b.startTime[0] || a.startTime[1] - b.startTime[1],
  );
  expect(parentOf(first)).toBe(idOf(triage));
  expect(parentOf(second)).toBe(idOf(weather));
  expect(parentOf(third)).toBe(idOf(weather));
  for (const chat of chats) {
    expect(chat.kind).toBe(SpanKind.CLIENT);
    expect(chat.attributes["gen_ai.operation.name"]).toBe("chat");
    expect(chat.attributes["gen_ai.provider.name"]).toBe(provider);
    expect(chat.attributes["gen_ai.usage.cost"]).toBeGreaterThan(0);
  }
  expect(first?.attributes).toMatchObject({
    "gen_ai.usage.input_tokens": 1000,
    "gen_ai.usage.output_tokens": 20,
  });
  expect(second?.attributes).toMatchObject({ "gen_ai.usage.cache_read.input_tokens": 200 });
  expect(third?.attributes).toMatchObject({ "gen_ai.usage.reasoning.output_tokens": 10 });
  expect(third?.attributes["gen_ai.response.finish_reasons"]).toEqual(["stop"]);
  expect(first?.attributes["gen_ai.response.model"]).toMatch(/^gpt-4o/);
  // Each agent's cost is the sum of its own model calls.
  const cost = (span: ReadableSpan | undefined) => span?.attributes["gen_ai.usage.cost"] as number;
  expect(triage?.attributes["sightline.cost.total"]).toBeCloseTo(cost(first), 12);
  expect(weather?.attributes["sightline.cost.total"]).toBeCloseTo(cost(second) + cost(third), 12);
  // The tool runs in the weather agent, with the model's call id; no content without capture.
  expect(parentOf(tool)).toBe(idOf(weather));
  expect(tool?.attributes).toMatchObject({
    "gen_ai.operation.name": "execute_tool",
    "gen_ai.tool.name": "get_weather",
    "gen_ai.tool.call.id": "call_weather",
  });
  expect(tool?.attributes["gen_ai.tool.call.arguments"]).toBeUndefined();
  // The handoff is an event on the agent that handed off.
  expect(triage?.events.find((event) => event.name === "sightline.agents.handoff")?.attributes).toEqual({
    "sightline.agents.handoff.from": "Triage agent",
    "sightline.agents.handoff.to": "Weather agent",
  });
}

describe("createSightlineTracingProcessor", () => {
  it("processor only: the handoff run is one trace with agents, model calls, the tool and the handoff", async () => {
    const runner = ctx.setup({ processor: {} });
    const before = await durationCount(ctx);
    const { output, spans, app } = await runHandoff(runner);
    expect(output).toBe("It is sunny in Paris.");
    expectHandoffTree(spans, app);
    expect((await durationCount(ctx)) - before).toBe(3);
    expect(ctx.server.requests).toHaveLength(3);
  });

  it("processor and observeOpenAI as the default client: one chat span per call, metrics counted once", async () => {
    const runner = ctx.setup({ processor: {}, wrapper: {} });
    const before = await durationCount(ctx);
    const { output, spans, app } = await runHandoff(runner);
    expect(output).toBe("It is sunny in Paris.");
    // observeOpenAI names a base URL that is not api.openai.com `openai_compatible`.
    expectHandoffTree(spans, app, "openai_compatible");
    // The wrapper recorded the calls (its scope), the processor none.
    for (const chat of spansNamed(spans, "chat*")) {
      expect(chat.instrumentationScope.name).toBe("@sightline/openai");
      expect(chat.attributes["server.address"]).toBe("127.0.0.1");
    }
    expect((await durationCount(ctx)) - before).toBe(3);
  });

  it("listed after the SDK's batch processor (addTraceProcessor beside the default one): still one chat span per call", async () => {
    const runner = ctx.setup({ processor: {}, wrapper: {}, after: true });
    const before = await durationCount(ctx);
    const { output, spans, app } = await runHandoff(runner);
    await settle(100);
    expect(output).toBe("It is sunny in Paris.");
    expectHandoffTree(ctx.telemetry.spans(), app, "openai_compatible");
    expect(spans.length).toBeGreaterThan(0);
    expect((await durationCount(ctx)) - before).toBe(3);
  });

  it("observeOpenAI only: the wrapper records each call once, without agent spans", async () => {
    const runner = ctx.setup({ processor: false, wrapper: {} });
    const before = await durationCount(ctx);
    const { spans, app } = await runHandoff(runner);
    const chats = spansNamed(spans, "chat*");
    expect(chats).toHaveLength(3);
    for (const chat of chats) expect(parentOf(chat)).toBe(idOf(app));
    expect(spansNamed(spans, "invoke_agent*")).toHaveLength(0);
    expect((await durationCount(ctx)) - before).toBe(3);
  });

  for (const wrapper of [false, {}] as const) {
    it(`streamed run (${wrapper ? "processor and wrapper" : "processor only"}): one chat span per call under its agent`, async () => {
      const runner = ctx.setup({ processor: {}, wrapper });
      const { weather } = createHandoffAgents();
      ctx.server.enqueue({ text: "Streaming sunshine.", usage: { inputTokens: 300, outputTokens: 12 } });
      const before = await durationCount(ctx);
      const result = await runner.run(weather, "weather?", { stream: true });
      for await (const _event of result) {
        // drain
      }
      await result.completed;
      await settle(50);
      const spans = ctx.telemetry.spans();
      const agent = spansNamed(spans, "invoke_agent Weather agent")[0];
      const chats = spansNamed(spans, "chat*");
      expect(result.finalOutput).toBe("Streaming sunshine.");
      expect(chats).toHaveLength(1);
      expect(parentOf(chats[0])).toBe(idOf(agent));
      expect(chats[0]?.attributes["gen_ai.usage.output_tokens"]).toBe(12);
      expect(agent?.attributes["sightline.cost.total"]).toBe(chats[0]?.attributes["gen_ai.usage.cost"]);
      expect((await durationCount(ctx)) - before).toBe(1);
    });
  }

  for (const wrapper of [false, {}] as const) {
    it(`chat completions model (${wrapper ? "processor and wrapper" : "processor only"}): generation spans become one chat span each`, async () => {
      ctx.setup({ processor: {}, wrapper });
      const client = new OpenAI({ baseURL: ctx.server.openaiBaseURL, apiKey: "test-key", maxRetries: 0 });
      const model = new OpenAIChatCompletionsModel(
        wrapper ? observeOpenAI(client, ctx.telemetry) : client,
        "gpt-4o",
      );
      const agent = new Agent({ name: "Chat agent", model });
      ctx.server.enqueue({
        text: "Hi.",
        usage: { inputTokens: 400, outputTokens: 9, cachedInputTokens: 100 },
      });
      const before = await durationCount(ctx);
      const result = await run(agent, "hello");
      await settle(50);
      const spans = ctx.telemetry.spans();
      const chats = spansNamed(spans, "chat*");
      expect(result.finalOutput).toBe("Hi.");
      expect(ctx.server.requests[0]?.path).toBe("/v1/chat/completions");
      expect(chats).toHaveLength(1);
      expect(parentOf(chats[0])).toBe(idOf(spansNamed(spans, "invoke_agent Chat agent")[0]));
      expect(chats[0]?.attributes).toMatchObject({
        "gen_ai.request.model": "gpt-4o",
        "gen_ai.usage.input_tokens": 400,
        "gen_ai.usage.output_tokens": 9,
        "gen_ai.usage.cache_read.input_tokens": 100,
        "gen_ai.response.finish_reasons": ["stop"],
      });
      expect(chats[0]?.attributes["gen_ai.usage.cost"]).toBeGreaterThan(0);
      expect((await durationCount(ctx)) - before).toBe(1);
    });
  }

  it("a failing tool marks its execute_tool span; the SDK hands the error to the model and the run goes on", async () => {
    const runner = ctx.setup({ processor: {} });
    const broken = tool({
      name: "broken",
      description: "Always fails",
      parameters: z.object({}),
      execute: async () => {
        throw new Error("tool exploded");
      },
    });
    const agent = new Agent({ name: "Tool agent", model: "gpt-4o", tools: [broken] });
    ctx.server.enqueue(
      { toolCalls: [{ id: "call_b", name: "broken", arguments: "{}" }] },
      { text: "Sorry." },
    );
    const result = await runner.run(agent, "try it");
    await settle(50);
    expect(result.finalOutput).toBe("Sorry.");
    const toolSpan = spansNamed(ctx.telemetry.spans(), "execute_tool broken")[0];
    expect(toolSpan?.status.code).toBe(SpanStatusCode.ERROR);
    expect(toolSpan?.attributes["gen_ai.tool.call.id"]).toBe("call_b");
  });

  it("records tool arguments and results only with content capture on", async () => {
    const runner = ctx.setup({ processor: { captureContent: true } });
    const { spans } = await runHandoff(runner);
    const tool = spansNamed(spans, "execute_tool get_weather")[0];
    expect(tool?.attributes["gen_ai.tool.call.arguments"]).toBe('{"city":"Paris"}');
    expect(tool?.attributes["gen_ai.tool.call.result"]).toContain("Sunny in Paris");
  });

  it("a failed model call marks the chat and agent spans and the run's error passes through", async () => {
    const runner = ctx.setup({ processor: {} });
    const { triage } = createHandoffAgents();
    ctx.server.enqueue({ status: 500 });
    const failure = await runner.run(triage, "hi").then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(Error);
    await settle(50);
    const spans = ctx.telemetry.spans();
    const agent = spansNamed(spans, "invoke_agent Triage agent")[0];
    const chat = spansNamed(spans, "chat*")[0];
    expect(chat?.status.code).toBe(SpanStatusCode.ERROR);
    expect(chat?.attributes["error.type"]).toBeDefined();
    expect(agent?.status.code).toBe(SpanStatusCode.ERROR);
  });

  it("keeps nothing open after the run, and nothing leaves loopback", async () => {
    const runner = ctx.setup({ processor: {} });
    await runHandoff(runner);
    expect(trace.getActiveSpan()).toBeUndefined();
    expect(ctx.fetched.length).toBeGreaterThan(0);
    for (const url of ctx.fetched) expect(url.startsWith("http://127.0.0.1:")).toBe(true);
  });
});
