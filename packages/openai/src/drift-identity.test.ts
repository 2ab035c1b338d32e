import { createDriftMonitor } from "@sightline/core";
import { describe, expect, it } from "vitest";
import { useOpenAITestContext, waitForSpans } from "./test-helpers.js";

// Model identity through the real client: streams are keyed by the requested model, and what answered
// (response model, system fingerprint) is observed within the stream.
const ctx = useOpenAITestContext();

const longAnswer = "A thorough answer with detail. ".repeat(10);
const shortAnswer = "A short answer. ".repeat(4);

async function callAndCollect(options: {
  calls: { model: string; systemFingerprint: string; text: string }[];
  monitor: ReturnType<typeof createDriftMonitor>;
}) {
  const client = ctx.observed({ drift: { monitor: options.monitor } });
  for (const script of options.calls) {
    ctx.server.enqueue(script);
    await client.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: "hi" }] });
  }
  const spans = await waitForSpans(ctx.telemetry, options.calls.length);
  return spans.flatMap((span, index) =>
    span.events
      .filter((event) => event.name === "sightline.model_change")
      .map((event) => ({ index, attributes: event.attributes ?? {} })),
  );
}

describe("drift identity through the openai client", () => {
  it("flags a gateway serving gpt-4o-mini for gpt-4o requests on the first rerouted call", async () => {
    const monitor = createDriftMonitor({ referenceSize: 40 });
    const calls = [
      ...Array.from({ length: 60 }, () => ({
        model: "gpt-4o-2024-08-06",
        systemFingerprint: "fp_4o",
        text: longAnswer,
      })),
      ...Array.from({ length: 20 }, () => ({
        model: "gpt-4o-mini-2024-07-18",
        systemFingerprint: "fp_mini",
        text: shortAnswer,
      })),
    ];
    const changes = await callAndCollect({ calls, monitor });
    const rerouted = changes.filter(
      (change) => change.attributes["sightline.drift.signal"] === "response_model",
    );
    expect(rerouted).toHaveLength(1);
    expect(rerouted[0]?.index).toBe(60);
    expect(rerouted[0]?.attributes).toMatchObject({
      "sightline.drift.previous": "gpt-4o-2024-08-06",
      "sightline.drift.next": "gpt-4o-mini-2024-07-18",
    });
    expect(changes.every((change) => change.index >= 60)).toBe(true);
    // One stream, keyed by the requested model: the reroute did not start a fresh baseline elsewhere.
    expect(monitor.snapshot().streams.map((stream) => stream.key.model)).toEqual(["gpt-4o"]);
    const events = await ctx.telemetry.metricPoints("sightline.gen_ai.drift.events");
    expect(events.map((point) => point.attributes["sightline.model.family"])).toContain("gpt-4o");
  });

  it("stays quiet on a pool of 9 fingerprints, then flags a new pool once", async () => {
    const monitor = createDriftMonitor({ referenceSize: 40 });
    const pool = (name: string, index: number) => `fp_${name}${index % 9}`;
    const calls = [
      ...Array.from({ length: 150 }, (_, index) => ({
        model: "gpt-4o-2024-08-06",
        systemFingerprint: pool("a", index),
        text: longAnswer,
      })),
      ...Array.from({ length: 30 }, (_, index) => ({
        model: "gpt-4o-2024-08-06",
        systemFingerprint: pool("b", index * 7),
        text: longAnswer,
      })),
    ];
    const changes = await callAndCollect({ calls, monitor });
    expect(changes.map((change) => [change.index, change.attributes["sightline.drift.signal"]])).toEqual([
      [152, "system_fingerprint"],
    ]);
    expect(changes[0]?.attributes["sightline.drift.next"]).toMatch(/^fp_b/);
  });
});
