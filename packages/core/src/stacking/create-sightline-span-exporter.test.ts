import { SpanKind } from "@opentelemetry/api";
import {
  InMemorySpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
  TracerProvider,
} from "@opentelemetry/sdk-trace";
import { createDriftMonitor } from "@sightline/drift";
import { getDefaultPriceRegistry } from "@sightline/pricing";
import { createTestTelemetry } from "@sightline/testing";
import { afterAll, describe, expect, it } from "vitest";
import { createSightlineSpanExporter } from "./create-sightline-span-exporter.js";
import { createSightlineSpanProcessor } from "./create-sightline-span-processor.js";

const telemetry = createTestTelemetry();
afterAll(() => telemetry.shutdown());

function setup(options: { alsoProcessor?: boolean } = {}) {
  const inner = new InMemorySpanExporter();
  const exporter = createSightlineSpanExporter<ReadableSpan>({
    exporter: inner,
    meterProvider: telemetry.meterProvider,
    drift: { monitor: createDriftMonitor() },
  });
  const provider = new TracerProvider({
    spanProcessors: [
      ...(options.alsoProcessor
        ? [createSightlineSpanProcessor({ meterProvider: telemetry.meterProvider, drift: false })]
        : []),
      new SimpleSpanProcessor({ exporter }),
    ],
  });
  return { inner, provider };
}

function emitChat(provider: TracerProvider, serverAddress: string): void {
  const span = provider.getTracer("gen_ai").startSpan("chat gpt-4o-mini", {
    kind: SpanKind.CLIENT,
    attributes: {
      "gen_ai.operation.name": "chat",
      "gen_ai.provider.name": "openai",
      "gen_ai.request.model": "gpt-4o-mini",
      "server.address": serverAddress,
    },
  });
  span.setAttributes({ "gen_ai.usage.input_tokens": 30, "gen_ai.usage.output_tokens": 10 });
  span.end();
}

async function inputSamples(serverAddress: string): Promise<number> {
  const points = (await telemetry.metricPoints("gen_ai.client.token.usage")).filter(
    (point) =>
      point.attributes["server.address"] === serverAddress &&
      point.attributes["gen_ai.token.type"] === "input",
  );
  return points.reduce((total, point) => total + (point.count ?? 0), 0);
}

describe("createSightlineSpanExporter", () => {
  it("exports other tools' model-call spans as priced copies and passes everything else through as is", async () => {
    const { inner, provider } = setup();
    const agent = provider.getTracer("gen_ai").startSpan("invoke_agent", {
      attributes: { "gen_ai.operation.name": "invoke_agent", "gen_ai.usage.input_tokens": 30 },
    });
    agent.end();
    emitChat(provider, "exporter.test");
    await provider.forceFlush();
    const [agentSpan, chatSpan] = inner.getFinishedSpans();
    expect(agentSpan?.attributes["gen_ai.usage.cost"]).toBeUndefined();
    const expected = getDefaultPriceRegistry().costOf({
      provider: "openai",
      model: "gpt-4o-mini",
      usage: { inputTokens: 30, outputTokens: 10 },
    });
    expect(chatSpan?.attributes["gen_ai.usage.cost"]).toBe(expected?.total);
    // The copy keeps the SDK span's methods and fields.
    expect(chatSpan?.spanContext().spanId).toMatch(/^[0-9a-f]{16}$/);
    expect(chatSpan?.name).toBe("chat gpt-4o-mini");
    expect(await inputSamples("exporter.test")).toBe(1);
    await provider.shutdown();
  });

  it("used with the span processor too, a span is priced and counted once", async () => {
    const { inner, provider } = setup({ alsoProcessor: true });
    emitChat(provider, "both.test");
    await provider.forceFlush();
    expect(inner.getFinishedSpans()[0]?.attributes["gen_ai.usage.cost"]).toBeGreaterThan(0);
    expect(await inputSamples("both.test")).toBe(1);
    await provider.shutdown();
  });
});
