import { OpenTelemetry } from "@ai-sdk/otel";
import { context, SpanKind, trace } from "@opentelemetry/api";
import { generateText, jsonSchema, stepCountIs, type Telemetry, tool } from "ai";
import { describe, expect, it } from "vitest";
import { settle, spansNamed, useAISDKTestContext, waitForSpans } from "./test-helpers.js";

const ctx = useAISDKTestContext();

const weather = tool({
  inputSchema: jsonSchema<{ city: string }>({
    type: "object",
    properties: { city: { type: "string" } },
    required: ["city"],
  }),
  execute: async ({ city }) => ({ city, temperature: 21 }),
});

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

describe("sightlineTelemetry beside the real @ai-sdk/otel 1.0.173", () => {
  it("registered after Sightline: one chat span per model call, the AI SDK's, with Sightline's tokens and cost", async () => {
    const otel = new OpenTelemetry({ tracer: ctx.telemetry.tracerProvider.getTracer("@ai-sdk/otel") });
    const countDurations = async () =>
      (await ctx.telemetry.metricPoints("gen_ai.client.operation.duration")).reduce(
        (sum, point) => sum + (point.count ?? 0),
        0,
      );
    const before = await countDurations();
    ctx.server.enqueue(
      { toolCalls: [{ id: "c1", name: "weather", arguments: '{"city":"Paris"}' }] },
      { text: "Sunny." },
    );
    await generateText({
      model: ctx.openaiChat(),
      prompt: "Weather in Paris?",
      tools: { weather },
      stopWhen: stepCountIs(3),
      telemetry: { integrations: [ctx.integration(), otel] },
    });
    await settle(100);
    const chats = ctx.telemetry.spans().filter((span) => span.attributes["gen_ai.operation.name"] === "chat");
    expect(chats).toHaveLength(2);
    for (const chat of chats) {
      expect(chat.instrumentationScope.name).toBe("@ai-sdk/otel");
      expect(chat.attributes["gen_ai.usage.input_tokens"]).toBeGreaterThan(0);
      expect(chat.attributes["gen_ai.usage.cost"]).toBeGreaterThan(0);
      expect(chat.attributes["sightline.recorded_by"]).toBe("@sightline/ai-sdk");
    }
    // Sightline's own duration samples: one per model call.
    expect((await countDurations()) - before).toBe(2);
  });
});
