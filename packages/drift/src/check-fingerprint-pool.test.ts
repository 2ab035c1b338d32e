import { describe, expect, it } from "vitest";
import { createDriftMonitor } from "./create-drift-monitor.js";
import { createSeededRandom } from "./create-seeded-random.js";
import type { DriftMonitor, DriftVerdict } from "./types.js";

const key = { provider: "openai", model: "gpt-4o", operation: "chat" };

function pool(name: string, size: number): string[] {
  return Array.from({ length: size }, (_, index) => `fp_${name}${index}`);
}

function feed(monitor: DriftMonitor, fingerprints: Iterable<string>): DriftVerdict[] {
  const verdicts: DriftVerdict[] = [];
  for (const systemFingerprint of fingerprints)
    verdicts.push(...monitor.observe({ key, identity: { systemFingerprint } }));
  return verdicts;
}

function* roundRobin(values: string[], count: number): Generator<string> {
  for (let index = 0; index < count; index += 1) yield values[index % values.length] as string;
}

function* randomDraws(values: string[], options: { count: number; seed: number }): Generator<string> {
  const random = createSeededRandom(options.seed);
  for (let index = 0; index < options.count; index += 1)
    yield values[Math.floor(random.next() * values.length)] as string;
}

const modelChanges = (verdicts: DriftVerdict[]) =>
  verdicts.filter((verdict) => verdict.kind === "model_change");

describe("fingerprint pools", () => {
  it.each([1, 2, 9, 12, 30])("raises nothing on a steady pool of %i, round-robin or random", (size) => {
    const values = pool("a", size);
    expect(feed(createDriftMonitor(), roundRobin(values, 10_000))).toEqual([]);
    expect(
      modelChanges(feed(createDriftMonitor(), randomDraws(values, { count: 10_000, seed: size }))),
    ).toEqual([]);
  });

  it.each([1, 9, 30])("flags a new pool of %i once, within three calls, and learns it", (size) => {
    const monitor = createDriftMonitor();
    feed(monitor, randomDraws(pool("a", size), { count: 1_000, seed: 1 }));
    const after = [...randomDraws(pool("b", size), { count: 2_000, seed: 2 })];
    const verdicts = after.map((systemFingerprint) =>
      modelChanges(monitor.observe({ key, identity: { systemFingerprint } })),
    );
    const firings = verdicts.flatMap((found, index) => found.map((verdict) => ({ index, verdict })));
    expect(firings).toHaveLength(1);
    expect(firings[0]?.index).toBeLessThanOrEqual(2);
    expect(firings[0]?.verdict.signal).toBe("system_fingerprint");
    expect(firings[0]?.verdict.previous).toMatch(/^fp_a/);
    expect(firings[0]?.verdict.next).toMatch(/^fp_b/);
  });

  it("adopts a lone newcomer that does not recur, without an event", () => {
    const monitor = createDriftMonitor();
    const values = pool("a", 3);
    feed(monitor, roundRobin(values, 300));
    expect(feed(monitor, ["fp_stray"])).toEqual([]);
    expect(feed(monitor, roundRobin(values, 30))).toEqual([]);
    expect(monitor.snapshot().streams[0]?.identity.systemFingerprints).toContain("fp_stray");
    expect(feed(monitor, ["fp_stray", ...roundRobin(values, 6), "fp_stray", "fp_stray"])).toEqual([]);
  });

  it("reports nothing on a fresh start, and keeps its learned pool across a snapshot", () => {
    const alternating = roundRobin(["fp_a", "fp_b"], 200);
    const first = createDriftMonitor();
    expect(feed(first, alternating)).toEqual([]);
    const saved = JSON.parse(JSON.stringify(first.snapshot()));
    const restarted = createDriftMonitor({ initialState: saved });
    expect(feed(restarted, ["fp_b", "fp_a", "fp_b"])).toEqual([]);
    // The restored pool is past learning: a new pool is still seen at once.
    expect(modelChanges(feed(restarted, ["fp_c", "fp_c", "fp_c"]))).toHaveLength(1);
  });

  it("restores a snapshot from before pools (remembered values only) as a learned pool", () => {
    const monitor = createDriftMonitor({
      initialState: {
        version: 1,
        streams: [
          {
            key,
            identity: {
              responseModels: ["gpt-4o-2024-08-06"],
              systemFingerprints: ["fp_a", "fp_b"],
              observations: 9,
            },
            scalars: {},
            categories: {},
          },
        ],
      },
    });
    expect(feed(monitor, roundRobin(["fp_a", "fp_b"], 50))).toEqual([]);
    expect(modelChanges(feed(monitor, ["fp_new", "fp_new", "fp_new"]))).toHaveLength(1);
  });

  it("stops tracking a stream whose fingerprints never repeat, in bounded memory", () => {
    const monitor = createDriftMonitor({ fingerprintPoolSize: 16 });
    const unique = Array.from({ length: 5_000 }, (_, index) => `fp_${index}`);
    expect(feed(monitor, unique)).toEqual([]);
    const snapshot = monitor.snapshot();
    expect(JSON.stringify(snapshot).length).toBeLessThan(1_000);
    expect(snapshot.streams[0]?.categories).toEqual({});
  });

  it("reports a shift in the pool's mix as drift of system_fingerprint", () => {
    const monitor = createDriftMonitor({ referenceSize: 200, windowSize: 100 });
    const values = pool("a", 4);
    expect(feed(monitor, randomDraws(values, { count: 600, seed: 3 }))).toEqual([]);
    // One backend of the same pool now takes most of the traffic: no new pool, but a different mix.
    const skewed = [...randomDraws(values, { count: 300, seed: 4 })].map((value, index) =>
      index % 4 === 0 ? value : (values[0] as string),
    );
    const verdicts = feed(monitor, skewed);
    expect(modelChanges(verdicts)).toEqual([]);
    expect(verdicts.map((verdict) => [verdict.kind, verdict.signal, verdict.detector])).toContainEqual([
      "drift",
      "system_fingerprint",
      "jensen_shannon",
    ]);
  });
});
