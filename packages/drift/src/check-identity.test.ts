import { describe, expect, it } from "vitest";
import { createDriftMonitor } from "./create-drift-monitor.js";

const key = { provider: "openai", model: "gpt-4o", operation: "chat" };

describe("identity changes", () => {
  it("flags a new response model or fingerprint on the observation that carries it", () => {
    const monitor = createDriftMonitor();
    expect(
      monitor.observe({ key, identity: { responseModel: "gpt-4o-2024-08-06", systemFingerprint: "fp_a" } }),
    ).toEqual([]);
    expect(
      monitor.observe({ key, identity: { responseModel: "gpt-4o-2024-08-06", systemFingerprint: "fp_a" } }),
    ).toEqual([]);
    const verdicts = monitor.observe({
      key,
      identity: { responseModel: "gpt-4o-2024-11-20", systemFingerprint: "fp_b" },
    });
    expect(verdicts.map((verdict) => [verdict.kind, verdict.signal, verdict.previous, verdict.next])).toEqual(
      [
        ["model_change", "response_model", "gpt-4o-2024-08-06", "gpt-4o-2024-11-20"],
        ["model_change", "system_fingerprint", "fp_a", "fp_b"],
      ],
    );
    expect(verdicts[0]?.detector).toBe("identity");
    expect(verdicts[0]?.reference.count).toBe(2);
  });

  it("does not re-fire when a fingerprint alternates among values already seen", () => {
    const monitor = createDriftMonitor();
    monitor.observe({ key, identity: { systemFingerprint: "fp_a" } });
    expect(monitor.observe({ key, identity: { systemFingerprint: "fp_b" } })).toHaveLength(1);
    for (let index = 0; index < 20; index += 1) {
      expect(
        monitor.observe({ key, identity: { systemFingerprint: index % 2 === 0 ? "fp_a" : "fp_b" } }),
      ).toEqual([]);
    }
  });

  it("forgets the oldest identity beyond the configured memory", () => {
    const monitor = createDriftMonitor({ identityMemory: 2 });
    for (const fingerprint of ["fp_a", "fp_b", "fp_c"])
      monitor.observe({ key, identity: { systemFingerprint: fingerprint } });
    expect(monitor.snapshot().streams[0]?.identity.systemFingerprints).toEqual(["fp_b", "fp_c"]);
    expect(monitor.observe({ key, identity: { systemFingerprint: "fp_a" } })).toHaveLength(1);
  });
});
