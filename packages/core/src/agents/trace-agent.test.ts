import { context, SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import { createTestTelemetry } from "@sightline/testing";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { createInstrumentation } from "../operation/create-instrumentation.js";
import { startAgentSpan, startToolSpan } from "./start-agent-span.js";
import { traceAgent, traceTool } from "./trace-agent.js";

const telemetry = createTestTelemetry();
const providers = { tracerProvider: telemetry.tracerProvider, meterProvider: telemetry.meterProvider };
afterEach(() => telemetry.resetSpans());
afterAll(() => telemetry.shutdown());

const instrumentation = createInstrumentation({ scopeName: "test", scopeVersion: "0", options: providers });

/** One priced model call (gpt-4o, 1000 in / 100 out), ended when its promise settles. */
function modelCall(inputTokens = 1000): Promise<string> {
  return instrumentation.traceOperation({
    request: { operation: "chat", model: "gpt-4o" },
    target: { provider: "openai" },
    invoke: () => Promise.resolve("answer"),
    observe: (result, operation) =>
      void result.then(() =>
        operation.succeed({ model: "gpt-4o", usage: { inputTokens, outputTokens: 100 } }),
      ),
  });
}

const byName = (name: string) => telemetry.spans().find((span) => span.name === name);

describe("traceAgent", () => {
  it("makes an invoke_agent span that model calls nest under, with their summed cost", async () => {
    const result = await traceAgent(
      "planner",
      async () => {
        await modelCall();
        await modelCall(2000);
        return "done";
      },
      { tracerProvider: telemetry.tracerProvider, id: "agent-1", version: "2" },
    );
    expect(result).toBe("done");
    const agent = byName("invoke_agent planner");
    const chats = telemetry.spans().filter((span) => span.name === "chat gpt-4o");
    expect(agent?.kind).toBe(SpanKind.INTERNAL);
    expect(agent?.attributes).toMatchObject({
      "gen_ai.operation.name": "invoke_agent",
      "gen_ai.agent.name": "planner",
      "gen_ai.agent.id": "agent-1",
      "gen_ai.agent.version": "2",
    });
    expect(chats).toHaveLength(2);
    for (const chat of chats) expect(chat.parentSpanContext?.spanId).toBe(agent?.spanContext().spanId);
    const costs = chats.map((chat) => chat.attributes["gen_ai.usage.cost"] as number);
    expect(costs.every((cost) => cost > 0)).toBe(true);
    expect(agent?.attributes["sightline.cost.total"]).toBeCloseTo((costs[0] ?? 0) + (costs[1] ?? 0), 12);
  });

  it("works with a synchronous function and rolls nested agents' costs up to the outer one", async () => {
    const outer = traceAgent(
      "outer",
      () => {
        const inner = traceAgent("inner", () => modelCall(), providers);
        expect(inner).toBeInstanceOf(Promise);
        return inner;
      },
      providers,
    );
    await outer;
    const value = traceAgent("sync", () => 42, providers);
    expect(value).toBe(42);
    const inner = byName("invoke_agent inner");
    const chat = byName("chat gpt-4o");
    expect(inner?.parentSpanContext?.spanId).toBe(byName("invoke_agent outer")?.spanContext().spanId);
    expect(inner?.attributes["sightline.cost.total"]).toBe(chat?.attributes["gen_ai.usage.cost"]);
    expect(byName("invoke_agent outer")?.attributes["sightline.cost.total"]).toBe(
      chat?.attributes["gen_ai.usage.cost"],
    );
    // No model call inside: no invented zero.
    expect(byName("invoke_agent sync")?.attributes["sightline.cost.total"]).toBeUndefined();
  });

  it("re-throws the same error (sync and async) and marks the span with a redacted message", async () => {
    const failure = new TypeError("bad key sk-proj-abcdefghijklmnopqrstuvwxyz0123456789");
    expect(() =>
      traceAgent(
        "sync-fail",
        () => {
          throw failure;
        },
        providers,
      ),
    ).toThrow(failure);
    const rejected = traceAgent("async-fail", () => Promise.reject(failure), providers);
    await expect(rejected).rejects.toBe(failure);
    for (const name of ["invoke_agent sync-fail", "invoke_agent async-fail"]) {
      const span = byName(name);
      expect(span?.status.code).toBe(SpanStatusCode.ERROR);
      expect(span?.attributes["error.type"]).toBe("TypeError");
      expect(span?.status.message).not.toContain("sk-proj-abcdefghijklmnop");
      expect(span?.events[0]?.name).toBe("exception");
    }
  });

  it("is CLIENT for a remote agent", () => {
    traceAgent("assistant", () => undefined, { ...providers, remote: true });
    expect(byName("invoke_agent assistant")?.kind).toBe(SpanKind.CLIENT);
  });
});

describe("traceTool", () => {
  it("makes an execute_tool span, active while the tool runs, without content by default", async () => {
    let activeInside: string | undefined;
    const result = await traceTool(
      "get_weather",
      async () => {
        activeInside = trace.getActiveSpan()?.spanContext().spanId;
        return { temperature: 21 };
      },
      { ...providers, callId: "call_1", arguments: { city: "Paris" } },
    );
    expect(result).toEqual({ temperature: 21 });
    const span = byName("execute_tool get_weather");
    expect(span?.spanContext().spanId).toBe(activeInside);
    expect(span?.kind).toBe(SpanKind.INTERNAL);
    expect(span?.attributes).toEqual({
      "gen_ai.operation.name": "execute_tool",
      "gen_ai.tool.name": "get_weather",
      "gen_ai.tool.type": "function",
      "gen_ai.tool.call.id": "call_1",
    });
  });

  it("records arguments and result (redacted) only with content capture on", () => {
    traceTool("lookup", () => ({ email: "jane@example.com" }), {
      ...providers,
      captureContent: true,
      arguments: { query: "who is jane" },
    });
    const span = byName("execute_tool lookup");
    expect(span?.attributes["gen_ai.tool.call.arguments"]).toBe('{"query":"who is jane"}');
    expect(span?.attributes["gen_ai.tool.call.result"]).toContain("[REDACTED:email]");
  });
});

describe("startAgentSpan / startToolSpan", () => {
  it("end once, whatever calls end again, and carry the cost tally in their context", async () => {
    const agent = startAgentSpan("loop", providers);
    const tool = startToolSpan("search", { ...providers, context: agent.context });
    await context.with(tool.context, () => modelCall());
    tool.end();
    tool.end(new Error("late"));
    agent.end();
    agent.end();
    expect(telemetry.spans().filter((span) => span.name === "invoke_agent loop")).toHaveLength(1);
    expect(byName("execute_tool search")?.status.code).toBe(SpanStatusCode.UNSET);
    expect(byName("execute_tool search")?.parentSpanContext?.spanId).toBe(agent.span.spanContext().spanId);
    expect(byName("invoke_agent loop")?.attributes["sightline.cost.total"]).toBeGreaterThan(0);
  });
});
