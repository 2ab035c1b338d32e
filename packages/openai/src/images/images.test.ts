import { SpanStatusCode } from "@opentelemetry/api";
import { toFile } from "openai";
import { describe, expect, it } from "vitest";
import { OPENAI_VERSIONS, useOpenAITestContext, waitForSpans } from "../test-helpers.js";

const ctx = useOpenAITestContext();

describe.each(OPENAI_VERSIONS)("images with %s", (_label, OpenAIClass) => {
  it("records a DALL·E 3 generation as generate_content with image output, count, size, quality and per-image cost", async () => {
    const client = ctx.observed({}, OpenAIClass);
    const result = await client.images.generate({
      model: "dall-e-3",
      prompt: "a lighthouse",
      size: "1792x1024",
      quality: "hd",
      style: "vivid",
    });
    expect(result.data?.[0]?.url).toMatch(/^https:\/\//);
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.name).toBe("generate_content dall-e-3");
    expect(span?.attributes).toMatchObject({
      "gen_ai.operation.name": "generate_content",
      "gen_ai.output.type": "image",
      "gen_ai.request.model": "dall-e-3",
      "openai.api.type": "images",
      "sightline.image.count": 1,
      "sightline.image.size": "1792x1024",
      "sightline.image.quality": "hd",
      "sightline.image.style": "vivid",
      "gen_ai.usage.cost": 0.12,
      "sightline.cost.units": 0.12,
      "sightline.cost.model": "dall-e-3",
    });
    expect(span?.attributes["gen_ai.usage.input_tokens"]).toBeUndefined();
  });

  it("prices DALL·E 2 images by count at the default size", async () => {
    const client = ctx.observed({}, OpenAIClass);
    await client.images.generate({ model: "dall-e-2", prompt: "a cat", n: 3, response_format: "b64_json" });
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.attributes).toMatchObject({
      "sightline.image.count": 3,
      "gen_ai.request.choice.count": 3,
    });
    expect(span?.attributes["gen_ai.usage.cost"]).toBeCloseTo(0.06, 12);
  });

  it("prices gpt-image-1 by the tokens it reports, not by the per-image estimate", async () => {
    // gpt-image-1: $5 / 1M text input, $40 / 1M image output.
    ctx.server.enqueue({ usage: { inputTokens: 100, outputTokens: 4160 } });
    const client = ctx.observed({}, OpenAIClass);
    const result = await client.images.generate({ model: "gpt-image-1", prompt: "a fox", quality: "high" });
    expect(result.usage?.output_tokens).toBe(4160);
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.attributes).toMatchObject({
      "gen_ai.usage.input_tokens": 100,
      "gen_ai.usage.output_tokens": 4160,
      "sightline.image.quality": "high",
      "sightline.image.size": "1024x1024",
    });
    expect(span?.attributes["gen_ai.usage.cost"]).toBeCloseTo(0.0005 + 0.1664, 12);
    expect(span?.attributes["sightline.cost.units"]).toBeUndefined();
  });

  it("traces images.edit (a multipart upload) the same way", async () => {
    const client = ctx.observed({}, OpenAIClass);
    const image = await toFile(Buffer.from("not really a png"), "input.png", { type: "image/png" });
    const result = await client.images.edit({
      model: "gpt-image-1",
      image,
      prompt: "add a hat",
      size: "1024x1536",
    });
    expect(result.data?.[0]?.b64_json).toBeTruthy();
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.name).toBe("generate_content gpt-image-1");
    expect(span?.attributes).toMatchObject({
      "sightline.image.size": "1024x1536",
      "sightline.image.count": 1,
    });
    expect(span?.attributes["gen_ai.usage.output_tokens"]).toBeGreaterThan(0);
  });

  it("re-throws the SDK's error unchanged", async () => {
    ctx.server.enqueue({ status: 400 });
    const client = ctx.observed({}, OpenAIClass);
    const error = await client.images.generate({ model: "dall-e-3", prompt: "x" }).catch((caught) => caught);
    expect(error).toBeInstanceOf(OpenAIClass.BadRequestError);
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.status.code).toBe(SpanStatusCode.ERROR);
    expect(span?.attributes["gen_ai.usage.cost"]).toBeUndefined();
  });

  it("never puts image data in captured content", async () => {
    const client = ctx.observed({ captureContent: true }, OpenAIClass);
    await client.images.generate({ model: "gpt-image-1", prompt: "a fox" });
    const [span] = await waitForSpans(ctx.telemetry, 1);
    const output = String(span?.attributes["gen_ai.output.messages"]);
    expect(output).toContain('"type":"omitted"');
    expect(output).not.toContain("iVBOR");
    expect(String(span?.attributes["gen_ai.input.messages"])).toContain("a fox");
  });

  it("follows a streamed gpt-image-1 generation to its completed event", async () => {
    ctx.server.enqueue({ usage: { inputTokens: 10, outputTokens: 272 } });
    const client = ctx.observed({}, OpenAIClass);
    const stream = await client.images.generate({
      model: "gpt-image-1",
      prompt: "a fox",
      size: "1024x1024",
      quality: "low",
      stream: true,
      partial_images: 2,
    });
    const types: string[] = [];
    for await (const event of stream) types.push(event.type);
    expect(types).toEqual([
      "image_generation.partial_image",
      "image_generation.partial_image",
      "image_generation.completed",
    ]);
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.attributes).toMatchObject({
      "gen_ai.request.stream": true,
      "gen_ai.usage.output_tokens": 272,
      "sightline.image.count": 1,
      "sightline.image.quality": "low",
      "sightline.stream.outcome": "completed",
    });
    expect(span?.attributes["gen_ai.usage.cost"]).toBeCloseTo(0.00005 + 0.01088, 12);
  });
});
