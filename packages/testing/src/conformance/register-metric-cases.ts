import { expect } from "vitest";
import type { TestMetricPoint } from "../create-test-telemetry.js";
import { waitForSpans } from "../use-mock-llm-context.js";
import { drainStream } from "./drain-stream.js";
import { registerCase } from "./register-case.js";
import type { ConformanceContext } from "./use-conformance-context.js";

/** Sums a histogram's points by one attribute. */
function sumsBy(points: TestMetricPoint[], attribute: string): Record<string, number | undefined> {
  return Object.fromEntries(points.map((point) => [String(point.attributes[attribute]), point.sum]));
}

/** Registers the metric cases: one duration sample and the span's token counts, once, plain and streamed. */
export function registerMetricCases(ctx: ConformanceContext): void {
  const { adapter } = ctx;

  const pointsOf = async (name: string, model: string) =>
    (await ctx.telemetry.metricPoints(name)).filter(
      (point) => point.attributes["gen_ai.request.model"] === model,
    );

  registerCase(
    ctx,
    "a plain call records one duration sample and its tokens once, with semconv buckets",
    async () => {
      ctx.server.enqueue({ usage: { inputTokens: 100, outputTokens: 40 } });
      const model = ctx.uniqueModel("metrics");
      await adapter.call(ctx.observed(), { model, prompt: "hi" });
      const [span] = await waitForSpans(ctx.telemetry, 1);
      const durations = await pointsOf("gen_ai.client.operation.duration", model);
      expect(durations).toHaveLength(1);
      expect(durations[0]?.count).toBe(1);
      expect(durations[0]?.boundaries?.slice(0, 3)).toEqual([0.01, 0.02, 0.04]);
      expect(durations[0]?.attributes).toMatchObject({
        "gen_ai.operation.name": adapter.operationName,
        "gen_ai.provider.name": adapter.providerName,
      });
      const tokens = await pointsOf("gen_ai.client.token.usage", model);
      expect(sumsBy(tokens, "gen_ai.token.type")).toEqual({ input: 100, output: 40 });
      expect(span?.attributes).toMatchObject({
        "gen_ai.usage.input_tokens": 100,
        "gen_ai.usage.output_tokens": 40,
      });
      expect(tokens.every((point) => point.count === 1)).toBe(true);
      expect(tokens[0]?.boundaries?.slice(0, 3)).toEqual([1, 4, 16]);
    },
  );

  registerCase(
    ctx,
    "a streamed call records one duration and first-chunk sample, per-chunk times and its tokens once",
    async () => {
      ctx.server.enqueue({ chunks: 6, usage: { inputTokens: 12, outputTokens: 9 } });
      const model = ctx.uniqueModel("stream-metrics");
      const stream = await adapter.stream(ctx.observed(), { model, prompt: "hi" });
      await drainStream(stream, { chunkText: adapter.chunkText });
      await waitForSpans(ctx.telemetry, 1);
      const count = (points: TestMetricPoint[]) => points.reduce((sum, point) => sum + (point.count ?? 0), 0);
      expect(count(await pointsOf("gen_ai.client.operation.duration", model))).toBe(1);
      expect(count(await pointsOf("gen_ai.client.operation.time_to_first_chunk", model))).toBe(1);
      expect(
        count(await pointsOf("gen_ai.client.operation.time_per_output_chunk", model)),
      ).toBeGreaterThanOrEqual(5);
      const tokens = await pointsOf("gen_ai.client.token.usage", model);
      expect(sumsBy(tokens, "gen_ai.token.type")).toEqual({ input: 12, output: 9 });
      expect(tokens.every((point) => point.count === 1)).toBe(true);
    },
  );
}
