import { createPriceRegistry } from "@sightline/core";
import { describe, expect, it } from "vitest";
import { useGoogleGenAITestContext, waitForSpans } from "./test-helpers.js";

// Audio and image tokens from Gemini's per-modality usage lists, through the real client against the mock.
const ctx = useGoogleGenAITestContext();

describe("tokens by modality", () => {
  it("prices uncached audio input at the audio rate (gemini-2.0-flash: input 0.10, audio 0.70, cache 0.025)", async () => {
    ctx.server.enqueue({
      usage: { inputTokens: 1000, cachedInputTokens: 100, outputTokens: 100 },
      usageFields: {
        promptTokensDetails: [
          { modality: "TEXT", tokenCount: 600 },
          { modality: "AUDIO", tokenCount: 400 },
        ],
        cacheTokensDetails: [{ modality: "AUDIO", tokenCount: 100 }],
      },
    });
    const ai = ctx.observed({ cost: { registry: createPriceRegistry() } });
    await ai.models.generateContent({ model: "gemini-2.0-flash", contents: "transcribe this" });
    const [span] = await waitForSpans(ctx.telemetry, 1);
    // uncached audio 400 − 100 = 300 × 0.7e-6 = 0.00021; cached 100 × 0.025e-6 = 0.0000025;
    // text 1000 − 100 − 300 = 600 × 0.1e-6 = 0.00006; output 100 × 0.4e-6 = 0.00004; total 0.0003125
    expect(span?.attributes).toMatchObject({
      "sightline.cost.audio_input": 0.00021,
      "sightline.cost.cached_input": 0.0000025,
      "sightline.cost.input": 0.00006,
      "sightline.cost.output": 0.00004,
    });
    expect(span?.attributes["gen_ai.usage.cost"]).toBeCloseTo(0.0003125, 15);
  });

  it("prices image input, image output and audio output tokens apart from text", async () => {
    ctx.server.enqueue({
      model: "gemini-image-model",
      usage: { inputTokens: 1000, outputTokens: 1500 },
      usageFields: {
        promptTokensDetails: [
          { modality: "TEXT", tokenCount: 440 },
          { modality: "IMAGE", tokenCount: 560 },
        ],
        candidatesTokensDetails: [
          { modality: "TEXT", tokenCount: 10 },
          { modality: "IMAGE", tokenCount: 1290 },
          { modality: "AUDIO", tokenCount: 200 },
        ],
      },
    });
    const registry = createPriceRegistry({
      overrides: [
        {
          model: "gemini-image-model",
          prices: { input: 0.3, output: 2.5, outputImage: 30, outputAudio: 10 },
        },
      ],
    });
    const ai = ctx.observed({ cost: { registry } });
    await ai.models.generateContent({ model: "gemini-image-model", contents: "draw and say it" });
    const [span] = await waitForSpans(ctx.telemetry, 1);
    // text in 440 × 0.3e-6 = 0.000132; image in (input rate) 560 × 0.3e-6 = 0.000168;
    // text out 10 × 2.5e-6 = 0.000025; image out 1290 × 30e-6 = 0.0387; audio out 200 × 10e-6 = 0.002;
    // total 0.041025
    expect(span?.attributes).toMatchObject({
      "sightline.cost.input": 0.000132,
      "sightline.cost.image_input": 0.000168,
      "sightline.cost.output": 0.000025,
      "sightline.cost.image_output": 0.0387,
      "sightline.cost.audio_output": 0.002,
    });
    expect(span?.attributes["gen_ai.usage.cost"]).toBeCloseTo(0.041025, 15);
  });
});
