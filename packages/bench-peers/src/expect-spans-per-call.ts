import { MeterProvider, MetricReader } from "@opentelemetry/sdk-metrics";
import {
  InMemorySpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
  TracerProvider,
} from "@opentelemetry/sdk-trace";
import { startMockLLMServer } from "@sightline/testing";
import { expect } from "vitest";
import { ANTHROPIC_CASES, createAnthropicClient } from "./anthropic-cases.js";
import { ANTHROPIC_VARIANTS } from "./anthropic-variants.js";
import { createOpenAIClient, OPENAI_CASES } from "./openai-cases.js";
import { OPENAI_VARIANTS } from "./openai-variants.js";
import type { BenchVariant } from "./types.js";

/** Calls per case: enough to see one span each, few enough for a test of a few seconds. */
const CALLS = 3;

class CollectingReader extends MetricReader {
  protected override async onForceFlush(): Promise<void> {}
  protected override async onShutdown(): Promise<void> {}
}

/** Whether a span carries token counts, under whichever convention the instrumentation uses. */
function hasTokenUsage(span: ReadableSpan): boolean {
  return Object.entries(span.attributes).some(
    ([key, value]) =>
      /usage|token_count/i.test(key) && (typeof value === "number" ? value > 0 : /[1-9]/.test(String(value))),
  );
}

/**
 * Runs one bench variant for a few calls of every case it claims, against the real client and the mock
 * LLM server over HTTP, and expects what the bench takes for granted: one span per call, each with token
 * usage, and metrics where the variant has them. A broken peer wiring fails here instead of quietly
 * benching an unpatched client. Tests call it once per file: patches stay on a module's prototypes, and
 * vitest gives each file fresh modules.
 */
export async function expectSpansPerCall(options: {
  clientName: "openai" | "anthropic";
  variantName: string;
}) {
  const server = await startMockLLMServer();
  const suite =
    options.clientName === "openai"
      ? {
          variants: OPENAI_VARIANTS,
          cases: OPENAI_CASES,
          client: createOpenAIClient({ baseURL: server.openaiBaseURL }),
        }
      : {
          variants: ANTHROPIC_VARIANTS,
          cases: ANTHROPIC_CASES,
          client: createAnthropicClient({ baseURL: server.url }),
        };
  const variant = (suite.variants as BenchVariant<unknown>[]).find(
    (candidate) => candidate.name === options.variantName,
  );
  if (!variant) throw new Error(`no ${options.clientName} variant "${options.variantName}"`);
  const cases = suite.cases as Record<string, (client: unknown) => Promise<unknown>>;
  const exporter = new InMemorySpanExporter();
  const tracerProvider = new TracerProvider({ spanProcessors: [new SimpleSpanProcessor({ exporter })] });
  const reader = new CollectingReader();
  const meterProvider = new MeterProvider({ readers: [reader] });
  const instrument = await variant.load();
  const { client, uninstrument } = instrument(suite.client, {
    tracerProvider,
    meterProvider,
    spanExporter: exporter,
  });
  // Which case each span belongs to, by the order calls end (one call at a time).
  const caseOfCall: string[] = [];
  try {
    for (const caseName of variant.cases) {
      const call = cases[caseName];
      if (!call) throw new Error(`no case "${caseName}"`);
      for (let index = 0; index < CALLS; index++) {
        await call(client);
        caseOfCall.push(caseName);
      }
    }
  } finally {
    // Also flushes a variant's own batching pipeline (Langfuse) into the exporter.
    await uninstrument();
    await server.close();
  }
  const spans = exporter.getFinishedSpans();
  expect(spans.length, "one span per call").toBe(variant.cases.length * CALLS);
  const usageByCase = new Map<string, boolean[]>();
  spans.forEach((span, index) => {
    const caseName = caseOfCall[index] ?? "?";
    usageByCase.set(caseName, [...(usageByCase.get(caseName) ?? []), hasTokenUsage(span)]);
  });
  for (const caseName of variant.cases) {
    const expected = !variant.casesWithoutUsage.includes(caseName);
    expect(usageByCase.get(caseName), `${caseName} spans carry token usage`).toEqual(
      Array(CALLS).fill(expected),
    );
  }
  if (variant.reference) {
    // What "spans only" claims: nothing recorded into the meter provider, no cost on the spans.
    const { resourceMetrics } = await reader.collect();
    expect(resourceMetrics.scopeMetrics.flatMap((scope) => scope.metrics)).toHaveLength(0);
    expect(spans.filter((span) => span.attributes["gen_ai.usage.cost"] !== undefined)).toHaveLength(0);
  }
  if (variant.metrics) {
    const { resourceMetrics } = await reader.collect();
    expect(
      resourceMetrics.scopeMetrics.flatMap((scope) => scope.metrics),
      "metrics recorded",
    ).not.toHaveLength(0);
  }
}
