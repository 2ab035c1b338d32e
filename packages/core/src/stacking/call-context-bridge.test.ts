import { context, trace } from "@opentelemetry/api";
import { createTestTelemetry } from "@sightline/testing";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { startAgentSpan } from "../agents/start-agent-span.js";
import { withContext } from "../context/with-context.js";
import { createInstrumentation } from "../operation/create-instrumentation.js";
import { registerCallContextBridge } from "./call-context-bridge.js";

const telemetry = createTestTelemetry();
const providers = { tracerProvider: telemetry.tracerProvider, meterProvider: telemetry.meterProvider };
const instrumentation = createInstrumentation({ scopeName: "test", scopeVersion: "0", options: providers });
afterEach(() => telemetry.resetSpans());
afterAll(() => telemetry.shutdown());

function modelCall(startedAt?: number): Promise<string> {
  return instrumentation.traceOperation({
    request: { operation: "chat", model: "gpt-4o" },
    target: { provider: "openai" },
    startedAt,
    invoke: () => Promise.resolve("answer"),
    observe: (result, operation) =>
      void result.then(() =>
        operation.succeed({ model: "gpt-4o", usage: { inputTokens: 1000, outputTokens: 100 } }),
      ),
  });
}

describe("registerCallContextBridge", () => {
  it("records a call in the context a bridge gives (its agent span and cost tally), until removed", async () => {
    const agent = startAgentSpan("framework agent", providers);
    const remove = registerCallContextBridge(() => agent.context);
    await modelCall();
    remove();
    await modelCall();
    agent.end();
    const chats = telemetry.spans().filter((span) => span.name === "chat gpt-4o");
    const agentSpan = telemetry.spans().find((span) => span.name === "invoke_agent framework agent");
    expect(chats[0]?.parentSpanContext?.spanId).toBe(agentSpan?.spanContext().spanId);
    expect(chats[1]?.parentSpanContext).toBeUndefined();
    expect(agentSpan?.attributes["sightline.cost.total"]).toBe(chats[0]?.attributes["gen_ai.usage.cost"]);
  });

  it("keeps the withContext values active around the call", async () => {
    const agent = startAgentSpan("framework agent", providers);
    const remove = registerCallContextBridge(() => agent.context);
    await withContext({ tenantId: "acme" }, () => modelCall());
    remove();
    agent.end();
    const chat = telemetry.spans().find((span) => span.name === "chat gpt-4o");
    expect(chat?.attributes["sightline.tenant.id"]).toBe("acme");
    expect(chat?.parentSpanContext?.spanId).toBe(agent.span.spanContext().spanId);
  });

  it("a throwing bridge leaves the call as it was", async () => {
    const remove = registerCallContextBridge(() => {
      throw new Error("bridge bug");
    });
    await expect(modelCall()).resolves.toBe("answer");
    remove();
    expect(telemetry.spans()).toHaveLength(1);
  });

  it("startedAt starts the span (and its duration) when the call began", async () => {
    const startedAt = performance.now() - 1500;
    await context.with(trace.deleteSpan(context.active()), () => modelCall(startedAt));
    const [span] = telemetry.spans();
    const seconds = (span?.duration[0] ?? 0) + (span?.duration[1] ?? 0) / 1e9;
    expect(seconds).toBeGreaterThan(1.4);
  });
});
