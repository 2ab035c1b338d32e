import { context, SpanKind, trace } from "@opentelemetry/api";
import { generateText, type Telemetry } from "ai";
import { describe, expect, it } from "vitest";
import { settle, spansNamed, useAISDKTestContext, waitForSpans } from "./test-helpers.js";

const ctx = useAISDKTestContext();

/** Stands in for the AI SDK's own OTel integration: a `chat` CLIENT span around each model call. */
function createForeignIntegration(): Telemetry {
  return {
    executeLanguageModelCall: async ({ execute, modelId }) => {
      const tracer = ctx.telemetry.tracerProvider.getTracer("@ai-sdk/otel");
      const span = tracer.startSpan(`chat ${modelId}`, {
        kind: SpanKind.CLIENT,
        attributes: { "gen_ai.operation.name": "chat", "gen_ai.request.model": modelId ?? "" },
      });
      try {
        return await context.with(trace.setSpan(context.active(), span), execute);
      } finally {
        span.end();
      }
    },
  };
}

describe("sightlineTelemetry beside another integration's model spans", () => {
  it("records onto the other tool's open chat span instead of starting a second one", async () => {
    await generateText({
      model: ctx.openaiChat(),
      prompt: "hi",
      // The later integration wraps the earlier one: the foreign span is open when Sightline's runs.
      telemetry: { integrations: [ctx.integration(), createForeignIntegration()] },
    });
    await waitForSpans(ctx.telemetry, 2);
    await settle();
    const chats = spansNamed(ctx.telemetry.spans(), "chat gpt-4o");
    expect(chats).toHaveLength(1);
    expect(chats[0]?.instrumentationScope.name).toBe("@ai-sdk/otel");
    expect(chats[0]?.attributes["gen_ai.usage.input_tokens"]).toBeGreaterThan(0);
    expect(chats[0]?.attributes["gen_ai.usage.cost"]).toBeGreaterThan(0);
    expect(
      spansNamed(ctx.telemetry.spans(), "invoke_agent generateText")[0]?.attributes["sightline.cost.total"],
    ).toBe(chats[0]?.attributes["gen_ai.usage.cost"]);
  });
});
