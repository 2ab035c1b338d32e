import { createDriftMonitor } from "@sightline/core";
import { recordDriftCategory } from "@sightline/testing";
import { describe, expect, it } from "vitest";
import { useAnthropicTestContext, waitForSpans } from "./test-helpers.js";

// Provider-reported refusals: read from `stop_reason`, so content capture stays off (the default).
const ctx = useAnthropicTestContext();
const request = {
  model: "claude-sonnet-4-5",
  max_tokens: 100,
  messages: [{ role: "user" as const, content: "hi" }],
};

describe.each([false, true])("messages (stream: %s)", (stream) => {
  async function call(finishReason?: string) {
    ctx.server.enqueue(finishReason ? { finishReason } : {});
    const { monitor, values: refusals } = recordDriftCategory(createDriftMonitor(), "refusal");
    const client = ctx.observed({ drift: { monitor } });
    if (stream) {
      const events = await client.messages.create({ ...request, stream: true });
      for await (const _event of events);
    } else {
      await client.messages.create(request);
    }
    const [span] = await waitForSpans(ctx.telemetry, 1);
    return { attributes: span?.attributes ?? {}, refusal: refusals[0] };
  }

  it("stop_reason refusal is a provider-reported refusal with content capture off", async () => {
    const result = await call("refusal");
    expect(result.attributes["sightline.response.refusal"]).toBe("refusal");
    expect(result.attributes["gen_ai.output.messages"]).toBeUndefined();
    expect(result.refusal).toBe("yes");
  });

  it("an ordinary answer is no refusal", async () => {
    const result = await call();
    expect(result.attributes["sightline.response.refusal"]).toBeUndefined();
    expect(result.refusal).toBe("no");
  });
});

describe("drift", () => {
  it("a rising refusal rate raises a refusal drift event with content capture off", async () => {
    const monitor = createDriftMonitor({ referenceSize: 40, windowSize: 40 });
    const client = ctx.observed({ drift: { monitor } });
    const refused = (call: number) => (call < 40 ? call === 17 : call % 2 === 0);
    for (let call = 0; call < 80; call++) {
      ctx.server.enqueue(refused(call) ? { finishReason: "refusal" } : {});
      await client.messages.create(request);
    }
    const spans = await waitForSpans(ctx.telemetry, 80);
    const events = spans.flatMap((span) => span.events);
    const refusalDrift = events.filter(
      (event) =>
        event.name === "sightline.drift" && event.attributes?.["sightline.drift.signal"] === "refusal",
    );
    expect(refusalDrift).toHaveLength(1);
  });
});
