import type { MetricData } from "@opentelemetry/sdk-metrics";
import { expect } from "vitest";
import { checkMetricsSemconv } from "../semconv/check-metrics-semconv.js";
import { checkSpanSemconv } from "../semconv/check-span-semconv.js";
import { findKnownGap } from "../semconv/known-semconv-gaps.js";
import type { SemconvFinding } from "../semconv/semconv-finding.js";
import type { MockScript } from "../types.js";
import { waitForSpans } from "../use-mock-llm-context.js";
import { catchError, drainStream } from "./drain-stream.js";
import { registerCase } from "./register-case.js";
import type { ConformanceContext } from "./use-conformance-context.js";

/** The findings that fail a run: violations outside the documented known gaps. */
function failing(findings: SemconvFinding[]): SemconvFinding[] {
  return findings.filter(
    (finding) => finding.severity === "violation" && findKnownGap(finding) === undefined,
  );
}

/** Metrics cut down to the points of one request model (they are cumulative across the suite's cases). */
function pointsOfModel(metrics: MetricData[], model: string): MetricData[] {
  return metrics
    .map(
      (metric) =>
        ({
          ...metric,
          dataPoints: metric.dataPoints.filter((point) => point.attributes["gen_ai.request.model"] === model),
        }) as MetricData,
    )
    .filter((metric) => metric.dataPoints.length > 0);
}

/** How one case calls the provider. */
interface SemconvScenario {
  /** Case title. */
  title: string;
  /** What the mock answers. */
  script: MockScript;
  /** Streamed or plain. */
  streaming: boolean;
  /** The call fails (its span and duration point need `error.type`). */
  fails: boolean;
  /** Content capture on. */
  captureContent?: boolean;
}

const SCENARIOS: SemconvScenario[] = [
  {
    title: "a plain call's span and metrics follow semconv v1.41.1",
    script: { usage: { inputTokens: 10, outputTokens: 5 } },
    streaming: false,
    fails: false,
  },
  {
    title: "a plain call's captured content is valid against the GenAI JSON schemas",
    script: { text: "Hi there" },
    streaming: false,
    fails: false,
    captureContent: true,
  },
  {
    title:
      "a streamed call's span and metrics follow semconv, its captured content valid against the schemas",
    script: { chunks: 4, usage: { inputTokens: 8, outputTokens: 4 } },
    streaming: true,
    fails: false,
    captureContent: true,
  },
  {
    title: "a tool-calling answer's captured output messages are valid against the GenAI JSON schemas",
    script: { toolCalls: [{ name: "get_weather", arguments: '{"city":"Paris"}' }] },
    streaming: false,
    fails: false,
    captureContent: true,
  },
  {
    title: "a streamed tool-calling answer's captured output messages are valid against the schemas",
    script: { chunks: 3, toolCalls: [{ name: "get_weather", arguments: '{"city":"Paris"}' }] },
    streaming: true,
    fails: false,
    captureContent: true,
  },
  {
    title: "a failed call (HTTP 429) follows semconv: error.type iff error status, on the span and duration",
    script: { status: 429 },
    streaming: false,
    fails: true,
  },
  {
    title: "a stream cut mid-way follows semconv: error.type iff error status",
    script: { chunks: 10, cutAfterChunks: 3 },
    streaming: true,
    fails: true,
  },
];

/**
 * Registers the semantic-convention cases: each makes one call and runs the semconv checker on the span and the
 * metric points it exported (names, kinds, required attributes, types, enum values, content schemas, metric
 * units and instruments). A failing check prints every finding; checks in the known-gaps list are tolerated.
 */
export function registerSemconvCases(ctx: ConformanceContext): void {
  const { adapter } = ctx;
  for (const scenario of SCENARIOS) {
    registerCase(ctx, scenario.title, async () => {
      ctx.server.enqueue(scenario.script);
      const model = ctx.uniqueModel("semconv");
      const client = ctx.observed(scenario.captureContent ? { captureContent: true } : {});
      const request = { model, prompt: "Hello" };
      if (scenario.streaming) {
        const stream = await adapter.stream(client, request);
        const drained = await drainStream(stream, { chunkText: adapter.chunkText });
        expect(drained.error !== undefined).toBe(scenario.fails);
      } else {
        const error = await catchError(adapter.call(client, request));
        expect(error !== undefined).toBe(scenario.fails);
      }
      const [span] = await waitForSpans(ctx.telemetry, 1);
      if (span === undefined) throw new Error("no span");
      if (scenario.captureContent) expect(span.attributes["gen_ai.output.messages"]).toBeTypeOf("string");
      const metrics = pointsOfModel(await ctx.telemetry.collectMetrics(), model);
      const findings = [
        ...checkSpanSemconv(span, { streaming: scenario.streaming, model }),
        ...checkMetricsSemconv(metrics, { failedModels: scenario.fails ? [model] : [] }),
      ];
      expect(failing(findings)).toEqual([]);
    });
  }

  // Registered last, so the cumulative metrics hold every point the suite's cases recorded.
  registerCase(
    ctx,
    "every metric point the suite recorded follows semconv (names, units, instruments)",
    async () => {
      // One call of its own, so the case stands alone (and fails with the adapter's message on a stub).
      ctx.server.enqueue({ usage: { inputTokens: 3, outputTokens: 2 } });
      await adapter.call(ctx.observed(), { model: ctx.uniqueModel("semconv-all"), prompt: "Hello" });
      await waitForSpans(ctx.telemetry, 1);
      const metrics = await ctx.telemetry.collectMetrics();
      expect(metrics.map((metric) => metric.descriptor.name)).toContain("gen_ai.client.operation.duration");
      expect(failing(checkMetricsSemconv(metrics))).toEqual([]);
    },
  );
}
