import { describe, expect, it } from "vitest";
import { createDriftMonitor } from "./create-drift-monitor.js";

const key = { provider: "openai", model: "gpt-4o", operation: "chat" };

describe("response model changes", () => {
  it("flags a new snapshot on the observation that carries it", () => {
    const monitor = createDriftMonitor();
    expect(monitor.observe({ key, identity: { responseModel: "gpt-4o-2024-08-06" } })).toEqual([]);
    expect(monitor.observe({ key, identity: { responseModel: "gpt-4o-2024-08-06" } })).toEqual([]);
    const verdicts = monitor.observe({ key, identity: { responseModel: "gpt-4o-2024-11-20" } });
    expect(verdicts.map((verdict) => [verdict.kind, verdict.signal, verdict.previous, verdict.next])).toEqual(
      [["model_change", "response_model", "gpt-4o-2024-08-06", "gpt-4o-2024-11-20"]],
    );
    expect(verdicts[0]?.detector).toBe("identity");
    expect(verdicts[0]?.reference.count).toBe(2);
    expect(verdicts[0]?.key).toEqual(key);
  });

  it("flags a reroute to another family within the stream of the requested model", () => {
    const monitor = createDriftMonitor();
    for (let call = 0; call < 50; call += 1)
      expect(monitor.observe({ key, identity: { responseModel: "gpt-4o-2024-08-06" } })).toEqual([]);
    const verdicts = monitor.observe({ key, identity: { responseModel: "gpt-4o-mini-2024-07-18" } });
    expect(verdicts.map((verdict) => verdict.next)).toEqual(["gpt-4o-mini-2024-07-18"]);
    expect(monitor.observe({ key, identity: { responseModel: "gpt-4o-mini-2024-07-18" } })).toEqual([]);
  });

  it("does not re-fire when response models alternate among values already seen", () => {
    const monitor = createDriftMonitor();
    monitor.observe({ key, identity: { responseModel: "m-1" } });
    expect(monitor.observe({ key, identity: { responseModel: "m-2" } })).toHaveLength(1);
    for (let index = 0; index < 20; index += 1) {
      const responseModel = index % 2 === 0 ? "m-1" : "m-2";
      expect(monitor.observe({ key, identity: { responseModel } })).toEqual([]);
    }
  });

  it("forgets the oldest response model beyond the configured memory", () => {
    const monitor = createDriftMonitor({ identityMemory: 2 });
    for (const responseModel of ["m-a", "m-b", "m-c"]) monitor.observe({ key, identity: { responseModel } });
    expect(monitor.snapshot().streams[0]?.identity.responseModels).toEqual(["m-b", "m-c"]);
    expect(monitor.observe({ key, identity: { responseModel: "m-a" } })).toHaveLength(1);
  });
});
