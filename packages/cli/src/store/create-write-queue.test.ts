import type { CapturedMetric } from "@sightline/otlp";
import { expect, it } from "vitest";
import { createTestSpan, traceIdOf } from "../__fixtures__/create-test-span.js";
import type { StoreBatch } from "./create-batch-writer.js";
import { createWriteQueue } from "./create-write-queue.js";

function createRecorder() {
  const batches: StoreBatch[] = [];
  return {
    batches,
    write(batch: StoreBatch) {
      batches.push(batch);
      return {
        traces: new Set(batch.spans.map((span) => span.traceId)).size,
        spans: batch.spans.length,
        metricPoints: 0,
      };
    },
  };
}

const spans = (count: number) =>
  Array.from({ length: count }, (_, index) => createTestSpan({ traceId: traceIdOf(index) }));
const gauge = (points: number): CapturedMetric => ({
  name: "sightline.budget.used",
  kind: "gauge",
  points: Array.from({ length: points }, () => ({ attributes: {}, value: 1 })),
  resource: {},
  scope: { name: "test" },
});

it("writes full batches at once, one per turn, and the rest after the interval", async () => {
  const recorder = createRecorder();
  const written: number[] = [];
  const queue = createWriteQueue({
    write: recorder.write,
    onWritten: (result) => written.push(result.spans),
    onError: () => undefined,
    batchSize: 100,
    intervalMs: 30,
  });
  queue.add({ spans: spans(250), metrics: [] });
  expect(recorder.batches).toHaveLength(0);
  await new Promise((resolve) => setImmediate(resolve));
  expect(written).toEqual([100]);
  await new Promise((resolve) => setImmediate(resolve));
  expect(written).toEqual([100, 100]);
  await new Promise((resolve) => setTimeout(resolve, 60));
  expect(written).toEqual([100, 100, 50]);
  expect(queue.pending()).toBe(0);
  queue.close();
});

it("bounds spans and metric points together, drops and counts the excess, and flushes on close", () => {
  const recorder = createRecorder();
  const queue = createWriteQueue({
    write: recorder.write,
    onWritten: () => undefined,
    onError: () => undefined,
    maxPending: 10,
    intervalMs: 60_000,
  });
  queue.add({ spans: spans(8), metrics: [gauge(1), gauge(3)] });
  expect(queue.pending()).toBe(9);
  expect(queue.dropped()).toBe(0);
  expect(queue.droppedMetricPoints()).toBe(3);
  queue.add({ spans: spans(4), metrics: [] });
  expect(queue.pending()).toBe(10);
  expect(queue.dropped()).toBe(3);
  queue.close();
  expect(queue.pending()).toBe(0);
  expect(recorder.batches.flatMap((batch) => batch.spans)).toHaveLength(9);
  expect(recorder.batches.flatMap((batch) => batch.metrics)).toHaveLength(1);
  queue.add({ spans: spans(1), metrics: [] });
  expect(queue.pending()).toBe(0);
});

it("reports a batch that fails and goes on with the next", () => {
  const errors: unknown[] = [];
  let calls = 0;
  const queue = createWriteQueue({
    write: (batch) => {
      calls += 1;
      if (calls === 1) throw new Error("disk full");
      return { traces: 1, spans: batch.spans.length, metricPoints: 0 };
    },
    onWritten: () => undefined,
    onError: (error) => errors.push(error),
    batchSize: 2,
  });
  queue.add({ spans: spans(4), metrics: [] });
  queue.flush();
  expect(errors).toEqual([new Error("disk full")]);
  expect(calls).toBe(2);
  queue.close();
});
