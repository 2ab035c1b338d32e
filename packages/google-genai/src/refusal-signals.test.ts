import { createDriftMonitor } from "@sightline/core";
import type { MockScript } from "@sightline/testing";
import { recordDriftCategory } from "@sightline/testing";
import { describe, expect, it } from "vitest";
import { useGoogleGenAITestContext, waitForSpans } from "./test-helpers.js";

// Provider-reported refusals: read from `finishReason` and `promptFeedback`, so content capture stays off.
const ctx = useGoogleGenAITestContext();

describe.each([false, true])("generateContent (stream: %s)", (stream) => {
  async function call(script: MockScript) {
    ctx.server.enqueue(script);
    const { monitor, values: refusals } = recordDriftCategory(createDriftMonitor(), "refusal");
    const ai = ctx.observed({ drift: { monitor } });
    const request = { model: "gemini-2.5-flash", contents: "hi" };
    if (stream) {
      for await (const _chunk of await ai.models.generateContentStream(request));
    } else {
      await ai.models.generateContent(request);
    }
    const [span] = await waitForSpans(ctx.telemetry, 1);
    return { attributes: span?.attributes ?? {}, refusal: refusals[0] };
  }

  it.each(["SAFETY", "RECITATION", "BLOCKLIST", "PROHIBITED_CONTENT", "SPII"])(
    "finishReason %s is a provider-reported refusal with content capture off",
    async (finishReason) => {
      const result = await call({ text: "", finishReason });
      expect(result.attributes["sightline.response.refusal"]).toBe(finishReason);
      expect(result.attributes["gen_ai.output.messages"]).toBeUndefined();
      expect(result.refusal).toBe("yes");
    },
  );

  it("a blocked prompt (promptFeedback.blockReason) is a refusal without any candidate", async () => {
    const result = await call({ blockReason: "PROHIBITED_CONTENT" });
    expect(result.attributes["sightline.response.refusal"]).toBe("PROHIBITED_CONTENT");
    expect(result.refusal).toBe("yes");
  });

  it("an ordinary answer (and MAX_TOKENS) is no refusal", async () => {
    const result = await call({ finishReason: "MAX_TOKENS" });
    expect(result.attributes["sightline.response.refusal"]).toBeUndefined();
    expect(result.refusal).toBe("no");
  });
});

describe("drift", () => {
  it("a rising safety-block rate raises a refusal drift event with content capture off", async () => {
    const monitor = createDriftMonitor({ referenceSize: 40, windowSize: 40 });
    const ai = ctx.observed({ drift: { monitor } });
    const refused = (call: number) => (call < 40 ? call === 17 : call % 2 === 0);
    for (let call = 0; call < 80; call++) {
      ctx.server.enqueue(refused(call) ? { text: "", finishReason: "SAFETY" } : {});
      await ai.models.generateContent({ model: "gemini-2.5-flash", contents: "hi" });
    }
    const spans = await waitForSpans(ctx.telemetry, 80);
    const refusalDrift = spans
      .flatMap((span) => span.events)
      .filter(
        (event) =>
          event.name === "sightline.drift" && event.attributes?.["sightline.drift.signal"] === "refusal",
      );
    expect(refusalDrift).toHaveLength(1);
  });
});
