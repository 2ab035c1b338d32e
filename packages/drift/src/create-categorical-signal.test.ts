import { describe, expect, it } from "vitest";
import { runStream } from "./__fixtures__/run-stream.js";
import { createDriftMonitor } from "./create-drift-monitor.js";

const before = { stop: 0.9, length: 0.07, tool_calls: 0.03 };
const after = { stop: 0.8, length: 0.12, tool_calls: 0.03, content_filter: 0.05 };

describe("Jensen-Shannon on categorical mixes (calibrated)", () => {
  it("flags a new finish-reason mix within three windows after it, on every seed", () => {
    for (let seed = 1; seed <= 30; seed += 1) {
      const run = runStream({
        seed,
        length: 3000,
        changeAfter: 400 + seed * 13,
        generate: ({ random, changed }) => ({
          categories: { finish_reason: random.pick(changed ? after : before) },
        }),
      });
      expect(run.falseAlarms).toEqual([]);
      expect(run.delay).toBeLessThan(750);
      expect(run.detections[0]?.detector).toBe("jensen_shannon");
      expect(run.detections[0]?.current.distribution?.content_filter).toBeGreaterThan(0);
    }
  });

  it("flags a refusal rate going from 2% to 8% within three windows (median)", () => {
    const delays: number[] = [];
    for (let seed = 1; seed <= 20; seed += 1) {
      const run = runStream({
        seed,
        length: 3000,
        changeAfter: 300,
        generate: ({ random, changed }) => ({
          categories: { refusal: random.next() < (changed ? 0.08 : 0.02) ? "true" : "false" },
        }),
      });
      delays.push(run.delay ?? Number.POSITIVE_INFINITY);
    }
    delays.sort((left, right) => left - right);
    expect(delays[10]).toBeLessThan(750);
  });

  it("raises fewer than 0.5 false alarms per 10,000 observations per signal on stationary mixes", () => {
    let alarms = 0;
    for (let seed = 100; seed < 120; seed += 1) {
      const run = runStream({
        seed,
        length: 10_000,
        generate: ({ random }) => ({
          categories: {
            finish_reason: random.pick(before),
            error_type: random.pick({ none: 0.97, timeout: 0.02, rate_limit: 0.01 }),
          },
        }),
      });
      alarms += run.falseAlarms.length;
    }
    // Two signals, 20 seeds of 10,000 observations each.
    expect((alarms / (2 * 20 * 10_000)) * 10_000).toBeLessThan(0.5);
  });

  it("keeps at most the top categories plus one pooled bucket", () => {
    const monitor = createDriftMonitor({ referenceSize: 100, windowSize: 1000, topCategories: 4 });
    for (let index = 0; index < 1000; index += 1) {
      monitor.observe({
        key: { provider: "p", model: "m", operation: "o" },
        categories: { error_type: `error-${index}` },
      });
    }
    const signal = monitor.snapshot().streams[0]?.categories.error_type as {
      referenceCounts: Record<string, number>;
      window: { counts: Record<string, number> };
    };
    expect(Object.keys(signal.referenceCounts)).toHaveLength(5);
    expect(Object.keys(signal.window.counts).length).toBeLessThanOrEqual(10);
  });

  it("treats hostile category names as plain keys", () => {
    const monitor = createDriftMonitor({ referenceSize: 20, windowSize: 20 });
    for (let index = 0; index < 100; index += 1) {
      monitor.observe({
        key: { provider: "p", model: "m", operation: "o" },
        categories: { finish_reason: index % 2 === 0 ? "__proto__" : "constructor" },
      });
    }
    const restored = createDriftMonitor({
      referenceSize: 20,
      windowSize: 20,
      initialState: monitor.snapshot(),
    });
    restored.observe({
      key: { provider: "p", model: "m", operation: "o" },
      categories: { finish_reason: "__proto__" },
    });
    expect(({} as Record<string, unknown>).stop).toBeUndefined();
    expect(JSON.stringify(restored.snapshot())).toContain('"__proto__"');
  });
});
