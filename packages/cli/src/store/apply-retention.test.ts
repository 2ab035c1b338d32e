import { describe, expect, it } from "vitest";
import { createTestSpan, traceIdOf } from "../__fixtures__/create-test-span.js";
import { applyRetention } from "./apply-retention.js";
import { hasNodeSqlite } from "./load-node-sqlite.js";
import { openDevStore } from "./open-dev-store.js";
import type { DevStore } from "./types.js";

const HOUR = 3_600_000;

function openMemoryStore(): DevStore {
  const opened = openDevStore({ path: ":memory:", retentionIntervalMs: 3_600_000 });
  if (!("store" in opened)) throw new Error(opened.reason);
  return opened.store;
}

function storedTraceIds(store: DevStore): string[] {
  return store.database
    .prepare("SELECT trace_id FROM traces ORDER BY start_ms")
    .all()
    .map((row) => String(row.trace_id));
}

describe.skipIf(!hasNodeSqlite())("applyRetention (needs node:sqlite, Node 22.13+)", () => {
  it("deletes traces and metric points older than maxAgeHours, with their spans", () => {
    const store = openMemoryStore();
    const now = Date.now();
    store.enqueue({
      spans: [
        createTestSpan({ traceId: traceIdOf(1), startMs: now - 10 * HOUR }),
        createTestSpan({ traceId: traceIdOf(2), startMs: now - 3 * HOUR }),
        createTestSpan({ traceId: traceIdOf(3), startMs: now - HOUR / 2 }),
      ],
      metrics: [
        {
          name: "sightline.budget.used",
          kind: "gauge",
          points: [
            { timeUnixNano: `${now - 5 * HOUR}000000`, attributes: {}, value: 1 },
            { timeUnixNano: `${now}000000`, attributes: {}, value: 2 },
          ],
          resource: {},
          scope: { name: "test" },
        },
      ],
    });
    store.flush();
    const result = applyRetention({
      database: store.database,
      limits: { maxAgeHours: 2, maxSizeMb: 256 },
      nowMs: now,
    });
    expect(result).toEqual({ deletedTraces: 2, deletedMetricPoints: 1 });
    expect(storedTraceIds(store)).toEqual([traceIdOf(3)]);
    expect(store.status()).toMatchObject({ traces: 1, spans: 1, metricPoints: 1 });
    store.close();
  });

  it("deletes the oldest traces until the store is under maxSizeMb", () => {
    const store = openMemoryStore();
    const now = Date.now();
    const padding = "x".repeat(2000);
    const spans = Array.from({ length: 1000 }, (_, index) =>
      createTestSpan({
        traceId: traceIdOf(index + 1),
        startMs: now - (1000 - index) * 1000,
        attributes: { "gen_ai.operation.name": "chat", padding },
      }),
    );
    store.enqueue({ spans, metrics: [] });
    store.flush();
    const before = store.status().sizeBytes;
    expect(before).toBeGreaterThan(2 * 1024 * 1024);
    applyRetention({ database: store.database, limits: { maxAgeHours: 168, maxSizeMb: 1 }, nowMs: now });
    const after = store.status();
    expect(after.sizeBytes).toBeLessThanOrEqual(1024 * 1024);
    expect(after.traces).toBeGreaterThan(0);
    expect(after.traces).toBeLessThan(1000);
    // What is left is the newest: a contiguous run ending with the last trace.
    const left = storedTraceIds(store);
    expect(left.at(-1)).toBe(traceIdOf(1000));
    expect(left[0]).toBe(traceIdOf(1000 - left.length + 1));
    store.close();
  });
});
