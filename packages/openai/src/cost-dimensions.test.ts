import { type CostBreakdown, createPriceRegistry, type PriceRegistry } from "@sightline/core";
import { toFile } from "openai";
import { describe, expect, it } from "vitest";
import { useOpenAITestContext, waitForSpans } from "./test-helpers.js";

// Every price dimension an OpenAI response carries, through the real client against the mock. Figures by hand
// from sources/openai.json (USD per 1M tokens) or from the overrides below.
const ctx = useOpenAITestContext();
const messages = [{ role: "user" as const, content: "hi" }];
const million = { inputTokens: 1_000_000, outputTokens: 1_000_000 };

/** A registry that also keeps every breakdown it computed, to read fields that are not span attributes. */
function recordingRegistry(options: Parameters<typeof createPriceRegistry>[0] = {}) {
  const registry: PriceRegistry = createPriceRegistry(options);
  const breakdowns: (CostBreakdown | undefined)[] = [];
  const costOf = registry.costOf.bind(registry);
  registry.costOf = (input) => {
    const breakdown = costOf(input);
    breakdowns.push(breakdown);
    return breakdown;
  };
  return { registry, breakdowns };
}

describe("service tier the response reports", () => {
  it("prices a chat call that reports service_tier flex at o3's flex rates", async () => {
    ctx.server.enqueue({ model: "o3", usage: million, responseFields: { service_tier: "flex" } });
    const { registry, breakdowns } = recordingRegistry();
    await ctx.observed({ cost: { registry } }).chat.completions.create({ model: "o3", messages });
    const [span] = await waitForSpans(ctx.telemetry, 1);
    // flex = 0.5 × list (2.00 / 8.00): 1M × 1e-6 + 1M × 4e-6 = 5 (list price would be 10)
    expect(span?.attributes).toMatchObject({
      "gen_ai.usage.cost": 5,
      "openai.response.service_tier": "flex",
    });
    expect(breakdowns[0]?.serviceTier).toBe("flex");
  });

  it("prices a Responses call that reports service_tier priority at gpt-4o's priority rates", async () => {
    ctx.server.enqueue({ model: "gpt-4o", usage: million, responseFields: { service_tier: "priority" } });
    const { registry, breakdowns } = recordingRegistry();
    await ctx.observed({ cost: { registry } }).responses.create({ model: "gpt-4o", input: "hi" });
    const [span] = await waitForSpans(ctx.telemetry, 1);
    // priority 4.25 / 17.00: 1M × 4.25e-6 + 1M × 17e-6 = 21.25 (list price would be 12.50)
    expect(span?.attributes["gen_ai.usage.cost"]).toBe(21.25);
    expect(breakdowns[0]?.serviceTier).toBe("priority");
  });

  it("falls back to list price, as standard, for a tier the catalog does not price", async () => {
    ctx.server.enqueue({ model: "gpt-4o", usage: million, responseFields: { service_tier: "scale" } });
    const { registry, breakdowns } = recordingRegistry();
    await ctx.observed({ cost: { registry } }).chat.completions.create({ model: "gpt-4o", messages });
    const [span] = await waitForSpans(ctx.telemetry, 1);
    // list 2.50 / 10.00: 2.5 + 10
    expect(span?.attributes["gen_ai.usage.cost"]).toBe(12.5);
    expect(breakdowns[0]?.serviceTier).toBe("standard");
  });
});

describe("audio and image tokens", () => {
  it("prices chat audio input and audio output tokens at the audio rates", async () => {
    ctx.server.enqueue({
      model: "audio-model",
      usage: { inputTokens: 1000, outputTokens: 500 },
      usageFields: {
        prompt_tokens_details: { cached_tokens: 0, audio_tokens: 300 },
        completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 200 },
      },
    });
    const registry = createPriceRegistry({
      overrides: [
        { model: "audio-model", prices: { input: 2.5, output: 10, inputAudio: 40, outputAudio: 80 } },
      ],
    });
    await ctx.observed({ cost: { registry } }).chat.completions.create({ model: "audio-model", messages });
    const [span] = await waitForSpans(ctx.telemetry, 1);
    // text in 700 × 2.5e-6 = 0.00175; audio in 300 × 40e-6 = 0.012; text out 300 × 10e-6 = 0.003;
    // audio out 200 × 80e-6 = 0.016; total 0.03275
    expect(span?.attributes).toMatchObject({
      "gen_ai.usage.cost": 0.03275,
      "sightline.cost.input": 0.00175,
      "sightline.cost.audio_input": 0.012,
      "sightline.cost.output": 0.003,
      "sightline.cost.audio_output": 0.016,
    });
  });

  it("leaves out image and audio cost attributes on a text-only call", async () => {
    ctx.server.enqueue({ model: "gpt-4o", usage: { inputTokens: 1000, outputTokens: 500 } });
    await ctx
      .observed({ cost: { registry: createPriceRegistry() } })
      .chat.completions.create({ model: "gpt-4o", messages });
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.attributes["gen_ai.usage.cost"]).toBe(0.0075);
    for (const name of ["audio_input", "audio_output", "image_input", "image_output"]) {
      expect(span?.attributes[`sightline.cost.${name}`]).toBeUndefined();
    }
  });

  it("prices a gpt-image-1 edit's image input tokens at 10.00 and its output as image tokens", async () => {
    // The mock reports 194 image tokens of input on an edit, the rest text.
    ctx.server.enqueue({ usage: { inputTokens: 1000, outputTokens: 4160 } });
    const client = ctx.observed({ cost: { registry: createPriceRegistry() } });
    const image = await toFile(Buffer.from("not really a png"), "input.png", { type: "image/png" });
    await client.images.edit({ model: "gpt-image-1", image, prompt: "add a hat" });
    const [span] = await waitForSpans(ctx.telemetry, 1);
    // text 806 × 5e-6 = 0.00403; image in 194 × 10e-6 = 0.00194; image out 4160 × 40e-6 = 0.1664;
    // total 0.17237
    expect(span?.attributes).toMatchObject({
      "sightline.cost.input": 0.00403,
      "sightline.cost.image_input": 0.00194,
      "sightline.cost.image_output": 0.1664,
    });
    expect(span?.attributes["gen_ai.usage.cost"]).toBeCloseTo(0.17237, 12);
    expect(span?.attributes["sightline.cost.output"]).toBeUndefined();
  });

  it("prices Responses image input tokens apart from text", async () => {
    ctx.server.enqueue({
      model: "image-model",
      usage: { inputTokens: 1000, outputTokens: 100 },
      usageFields: { input_tokens_details: { cached_tokens: 0, image_tokens: 765 } },
    });
    const registry = createPriceRegistry({
      overrides: [{ model: "image-model", prices: { input: 2, output: 8, inputImage: 4 } }],
    });
    await ctx.observed({ cost: { registry } }).responses.create({ model: "image-model", input: "describe" });
    const [span] = await waitForSpans(ctx.telemetry, 1);
    // text 235 × 2e-6 = 0.00047; image 765 × 4e-6 = 0.00306; output 100 × 8e-6 = 0.0008; total 0.00433
    expect(span?.attributes).toMatchObject({
      "sightline.cost.input": 0.00047,
      "sightline.cost.image_input": 0.00306,
      "sightline.cost.output": 0.0008,
    });
    expect(span?.attributes["gen_ai.usage.cost"]).toBeCloseTo(0.00433, 12);
  });
});
