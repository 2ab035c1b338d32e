import { expect, it } from "vitest";
import { type CallSample, computeCallStats, groupCallStats, percentile } from "./compute-call-stats.js";

const call = (durationMs: number, overrides: Partial<CallSample> = {}): CallSample => ({
  startMs: 0,
  durationMs,
  isError: false,
  model: "gpt-4o",
  feature: null,
  inputTokens: 10,
  outputTokens: 2,
  costUsd: 0.5,
  ...overrides,
});

it("takes nearest-rank percentiles", () => {
  expect(percentile([], 0.5)).toBeNull();
  expect(percentile([7], 0.95)).toBe(7);
  const hundred = Array.from({ length: 100 }, (_, index) => index + 1);
  expect(percentile(hundred, 0.5)).toBe(50);
  expect(percentile(hundred, 0.95)).toBe(95);
});

it("sums calls, errors, tokens and cost, and groups by model or feature", () => {
  const calls = [
    call(300, { isError: true }),
    call(100, { feature: "a" }),
    call(200, { model: "claude", feature: "a" }),
  ];
  expect(computeCallStats(calls)).toEqual({
    calls: 3,
    errors: 1,
    p50Ms: 200,
    p95Ms: 300,
    inputTokens: 30,
    outputTokens: 6,
    costUsd: 1.5,
  });
  expect(groupCallStats({ calls, by: "model" }).map((entry) => [entry.model, entry.calls])).toEqual([
    ["gpt-4o", 2],
    ["claude", 1],
  ]);
  expect(groupCallStats({ calls, by: "feature" })).toEqual([
    {
      feature: "a",
      calls: 2,
      errors: 0,
      p50Ms: 100,
      p95Ms: 200,
      inputTokens: 20,
      outputTokens: 4,
      costUsd: 1,
    },
  ]);
});
