import { describe, expect, it } from "vitest";
import { createDriftMonitor } from "./create-drift-monitor.js";
import { createSeededRandom } from "./create-seeded-random.js";
import { getKeyString, toKeyString } from "./select-stream.js";
import type { DriftVerdict } from "./types.js";

const base = { provider: "openai", model: "gpt-4o", operation: "chat" };

describe("more keys than the bound", () => {
  it("keeps monitoring the keys it holds and rolls the rest into their parent stream", () => {
    const keys = 500;
    const monitor = createDriftMonitor({ referenceSize: 100, rearm: "reset" });
    const random = createSeededRandom(5);
    const drifted = new Set<string>();
    const verdicts: DriftVerdict[] = [];
    for (let round = 0; round < 200; round += 1) {
      for (let index = 0; index < keys; index += 1) {
        // From round 150 on, every key's answers are 3σ longer.
        const outputTokens = 400 + 40 * random.normal() + (round >= 150 ? 120 : 0);
        const found = monitor.observe({
          key: { ...base, feature: `tenant-${index}` },
          scalars: { output_tokens: outputTokens },
        });
        if (round < 150) verdicts.push(...found);
        for (const verdict of found) drifted.add(verdict.key.feature ?? "(parent)");
      }
    }
    expect(verdicts).toEqual([]);
    const stats = monitor.stats?.();
    expect(stats).toMatchObject({ streams: 256, maxKeys: 256, unmonitoredCalls: 0 });
    // The parent takes the slot of tenant 0 (least recent) when tenant 256 first overflows: 255 tenants keep
    // their own stream, the other 245 join the parent (244 of them in the first round).
    expect(stats?.rolledUpCalls).toBe(245 * 200 - 1);
    expect(drifted.has("(parent)")).toBe(true);
    expect(drifted.size).toBeGreaterThanOrEqual(250);
  });

  it("counts calls of keys without a feature as unmonitored once the bound is reached", () => {
    const monitor = createDriftMonitor({ maxKeys: 4 });
    for (let call = 0; call < 60; call += 1)
      monitor.observe({ key: { ...base, model: `model-${call % 6}` }, scalars: { duration: 1 } });
    expect(monitor.stats?.()).toEqual({ streams: 4, maxKeys: 4, rolledUpCalls: 0, unmonitoredCalls: 20 });
  });

  it("gives the slot of a long idle stream to a new key", () => {
    const monitor = createDriftMonitor({ maxKeys: 2 });
    monitor.observe({ key: { ...base, model: "old" } });
    for (let call = 0; call < 17; call += 1) monitor.observe({ key: { ...base, model: "busy" } });
    monitor.observe({ key: { ...base, model: "new" } });
    expect(monitor.stats?.()).toMatchObject({ streams: 2, unmonitoredCalls: 0 });
    expect(monitor.snapshot().streams.map((stream) => stream.key.model)).toEqual(["busy", "new"]);
  });

  it("keeps its counts and idle clock across a snapshot", () => {
    const monitor = createDriftMonitor({ maxKeys: 2 });
    for (let call = 0; call < 9; call += 1)
      monitor.observe({ key: { ...base, feature: `feature-${call % 3}` } });
    const restored = createDriftMonitor({ maxKeys: 2, initialState: monitor.snapshot() });
    expect(restored.stats?.()).toEqual(monitor.stats?.());
    expect(restored.snapshot()).toEqual(monitor.snapshot());
  });
});

describe("getKeyString", () => {
  it("remembers the string of a frozen key and rebuilds it for a key that can change", () => {
    const frozen = Object.freeze({ ...base, feature: "search" });
    expect(getKeyString(frozen)).toBe(toKeyString({ ...base, feature: "search" }));
    expect(getKeyString(frozen)).toBe(getKeyString(frozen));
    const mutable: { provider: string; model: string; operation: string; feature?: string } = { ...base };
    const before = getKeyString(mutable);
    mutable.feature = "search";
    expect(getKeyString(mutable)).not.toBe(before);
    expect(getKeyString(mutable)).toBe(toKeyString(mutable));
  });

  it("feeds the same stream whether the key is frozen or not", () => {
    const monitor = createDriftMonitor();
    monitor.observe({ key: Object.freeze({ ...base }), scalars: { duration: 1 } });
    monitor.observe({ key: { ...base }, scalars: { duration: 1 } });
    expect(monitor.stats?.().streams).toBe(1);
    expect(monitor.snapshot().streams[0]?.scalars.duration).toBeDefined();
  });
});
