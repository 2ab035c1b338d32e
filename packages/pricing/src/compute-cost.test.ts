import { describe, expect, it } from "vitest";
import { createPriceRegistry } from "./create-price-registry.js";
import type { CostBreakdown } from "./types.js";

// Price dimensions beyond text tokens, each computed by hand (USD per 1M tokens, so 10.00 is 10e-6 per token).
// Overrides keep the figures independent of catalog refreshes; the gpt-image-1 case reads the bundled catalog.
const registry = createPriceRegistry({
  overrides: [
    {
      provider: "openai",
      model: "image-model",
      prices: { input: "2.00", output: "8.00", inputImage: "10.00", outputImage: "40.00" },
    },
    { provider: "openai", model: "plain-model", prices: { input: "2.00", output: "8.00" } },
    {
      provider: "openai",
      model: "audio-model",
      prices: { input: "2.50", output: "10.00", inputAudio: "40.00", outputAudio: "80.00" },
    },
  ],
});

/** The parts must add up to the total in integer pico-USD. */
function expectPartsAddUp(cost: CostBreakdown | undefined): void {
  const parts = [
    cost?.input,
    cost?.cachedInput,
    cost?.cacheWrite,
    cost?.output,
    cost?.reasoning,
    cost?.audioInput,
    cost?.audioOutput,
    cost?.imageInput,
    cost?.imageOutput,
  ];
  const sum = parts.reduce<number>((total, part) => total + Math.round((part ?? 0) * 1e12), 0);
  expect(sum).toBe(Math.round((cost?.total ?? Number.NaN) * 1e12));
}

describe("image tokens", () => {
  it("prices image input and output at their own rates, apart from text", () => {
    const cost = registry.costOf({
      provider: "openai",
      model: "image-model",
      usage: { inputTokens: 1000, imageInputTokens: 600, outputTokens: 500, imageOutputTokens: 400 },
    });
    // text in 400 × 2e-6 = 0.0008; image in 600 × 10e-6 = 0.006; text out 100 × 8e-6 = 0.0008;
    // image out 400 × 40e-6 = 0.016; total 0.0236
    expect(cost).toMatchObject({ input: 0.0008, imageInput: 0.006, output: 0.0008, imageOutput: 0.016 });
    expect(cost?.total).toBe(0.0236);
    expectPartsAddUp(cost);
  });

  it("defaults image input to the input rate and image output to the output rate", () => {
    const cost = registry.costOf({
      provider: "openai",
      model: "plain-model",
      usage: { inputTokens: 1000, imageInputTokens: 600, outputTokens: 500, imageOutputTokens: 400 },
    });
    // 400 × 2e-6 = 0.0008; 600 × 2e-6 = 0.0012; 100 × 8e-6 = 0.0008; 400 × 8e-6 = 0.0032; total 0.006
    expect(cost).toMatchObject({ input: 0.0008, imageInput: 0.0012, output: 0.0008, imageOutput: 0.0032 });
    expect(cost?.total).toBe(0.006);
    expectPartsAddUp(cost);
  });

  it("prices a gpt-image-1 edit from the bundled catalog (image input 10.00, output 40.00)", () => {
    const cost = registry.costOf({
      provider: "openai",
      model: "gpt-image-1",
      usage: { inputTokens: 1000, imageInputTokens: 800, outputTokens: 4160, imageOutputTokens: 4160 },
    });
    // text 200 × 5e-6 = 0.001; image 800 × 10e-6 = 0.008; image out 4160 × 40e-6 = 0.1664; total 0.1754
    expect(cost).toMatchObject({ input: 0.001, imageInput: 0.008, output: 0, imageOutput: 0.1664 });
    expect(cost?.total).toBe(0.1754);
  });

  it("raises totals smaller than their image parts instead of going negative", () => {
    const cost = registry.costOf({
      provider: "openai",
      model: "image-model",
      usage: { inputTokens: 100, imageInputTokens: 600, outputTokens: 0, imageOutputTokens: 400 },
    });
    // input raised to 600, output to 400: 600 × 10e-6 + 400 × 40e-6 = 0.006 + 0.016
    expect(cost).toMatchObject({ input: 0, output: 0, total: 0.022 });
  });

  it("stays exact on the big-integer path", () => {
    const cost = registry.costOf({
      provider: "openai",
      model: "image-model",
      usage: {
        inputTokens: 3_000_000_000,
        imageInputTokens: 1_000_000_000,
        outputTokens: 5_000_000_000,
        imageOutputTokens: 5_000_000_000,
      },
    });
    // 2e9 × 2e-6 = 4000; 1e9 × 10e-6 = 10000; 5e9 × 40e-6 = 200000 (2e17 pico-USD, beyond 2^53); total 214000
    expect(cost).toMatchObject({ input: 4000, imageInput: 10000, output: 0, imageOutput: 200000 });
    expect(cost?.total).toBe(214000);
  });
});

describe("audio tokens", () => {
  it("prices audio input and audio output apart from text", () => {
    const cost = registry.costOf({
      provider: "openai",
      model: "audio-model",
      usage: { inputTokens: 1000, audioInputTokens: 300, outputTokens: 500, audioOutputTokens: 200 },
    });
    // text in 700 × 2.5e-6 = 0.00175; audio in 300 × 40e-6 = 0.012; text out 300 × 10e-6 = 0.003;
    // audio out 200 × 80e-6 = 0.016; total 0.03275
    expect(cost).toMatchObject({ input: 0.00175, audioInput: 0.012, output: 0.003, audioOutput: 0.016 });
    expect(cost?.total).toBe(0.03275);
    expectPartsAddUp(cost);
  });

  it("defaults audio output to the output rate", () => {
    const cost = registry.costOf({
      provider: "openai",
      model: "plain-model",
      usage: { outputTokens: 500, audioOutputTokens: 200 },
    });
    // 300 × 8e-6 = 0.0024; 200 × 8e-6 = 0.0016
    expect(cost).toMatchObject({ output: 0.0024, audioOutput: 0.0016, total: 0.004 });
  });
});
