import Anthropic from "@anthropic-ai/sdk";
import {
  InMemorySpanExporter,
  SimpleSpanProcessor,
  type SpanProcessor,
  TracerProvider,
} from "@opentelemetry/sdk-trace";
import { createSightlineSpanProcessor, getDefaultPriceRegistry } from "@sightline/core";
import { describe, expect, it } from "vitest";
import { observeAnthropic } from "./observe-anthropic.js";
import { settle, useAnthropicTestContext } from "./test-helpers.js";

/** The Anthropic SDK's own spans (1.x traces natively) beside Sightline's span processor, over HTTP. */
const ctx = useAnthropicTestContext();
const SDK_SCOPE = "com.anthropic.sdk.typescript";
const MODEL = "claude-sonnet-4-5";
/** The dated model the mock answers as, one the price catalog knows. */
const ANSWERING_MODEL = "claude-sonnet-4-5-20250929";
const request = { max_tokens: 20, messages: [{ role: "user" as const, content: "hi" }] };

function setup() {
  const exporter = new InMemorySpanExporter();
  const provider = new TracerProvider({
    spanProcessors: [
      new SimpleSpanProcessor({ exporter }),
      createSightlineSpanProcessor({ meterProvider: ctx.telemetry.meterProvider }) as SpanProcessor,
    ],
  });
  const raw = () =>
    new Anthropic({
      apiKey: "test-key",
      baseURL: ctx.server.url,
      maxRetries: 0,
      openTelemetry: { tracerProvider: provider },
    });
  return { exporter, provider, raw };
}

async function inputTokens(): Promise<{ count: number; sum: number }> {
  const points = (await ctx.telemetry.metricPoints("gen_ai.client.token.usage")).filter(
    (point) =>
      point.attributes["gen_ai.request.model"] === MODEL && point.attributes["gen_ai.token.type"] === "input",
  );
  return {
    count: points.reduce((total, point) => total + (point.count ?? 0), 0),
    sum: points.reduce((total, point) => total + (point.sum ?? 0), 0),
  };
}

async function measureCall(call: () => Promise<unknown>) {
  const before = await inputTokens();
  await call();
  await settle();
  const after = await inputTokens();
  return { count: after.count - before.count, sum: after.sum - before.sum };
}

describe("Anthropic's native spans with Sightline's span processor", () => {
  for (const stream of [false, true]) {
    it(`the unwrapped client's own span gets Sightline's cost and metrics, cache tokens priced${stream ? " (streaming)" : ""}`, async () => {
      const { exporter, raw } = setup();
      ctx.server.enqueue({
        model: ANSWERING_MODEL,
        usage: { inputTokens: 10, outputTokens: 4, cachedInputTokens: 6 },
      });
      const measured = await measureCall(async () => {
        if (stream) {
          for await (const _event of await raw().messages.create({
            ...request,
            model: MODEL,
            stream: true,
          })) {
            // drain
          }
        } else {
          await raw().messages.create({ ...request, model: MODEL });
        }
      });
      const spans = exporter.getFinishedSpans();
      expect(spans).toHaveLength(1);
      const [span] = spans;
      expect(span?.instrumentationScope.name).toBe(SDK_SCOPE);
      const input = span?.attributes["gen_ai.usage.input_tokens"] as number;
      const cacheRead = span?.attributes["gen_ai.usage.cache_read.input_tokens"] as number | undefined;
      const expected = getDefaultPriceRegistry().costOf({
        provider: "anthropic",
        model: span?.attributes["gen_ai.response.model"] as string,
        usage: { inputTokens: input, outputTokens: 4, cacheReadInputTokens: cacheRead },
      });
      expect(expected?.total).toBeGreaterThan(0);
      expect(span?.attributes["gen_ai.usage.cost"]).toBe(expected?.total);
      expect(measured).toEqual({ count: 1, sum: input });
    });
  }

  it('observeAnthropic with nativeSpans: "nested": the SDK\'s twin span is kept out of export, one span per call', async () => {
    const { exporter, provider, raw } = setup();
    const client = observeAnthropic(raw(), {
      tracerProvider: provider,
      meterProvider: ctx.telemetry.meterProvider,
      nativeSpans: "nested",
    });
    ctx.server.enqueue({ model: ANSWERING_MODEL, usage: { inputTokens: 7, outputTokens: 1 } });
    const measured = await measureCall(() => client.messages.create({ ...request, model: MODEL }));
    const spans = exporter.getFinishedSpans();
    expect(spans.map((span) => span.instrumentationScope.name)).toEqual(["@sightline/anthropic"]);
    expect(spans[0]?.attributes["gen_ai.usage.cost"]).toBeGreaterThan(0);
    expect(measured).toEqual({ count: 1, sum: 7 });
  });
});
