import { toFile } from "openai";
import { describe, expect, it } from "vitest";
import { OPENAI_VERSIONS, useOpenAITestContext, waitForSpans } from "../test-helpers.js";

const ctx = useOpenAITestContext();
const upload = () => toFile(Buffer.from("RIFF fake wav"), "speech.wav", { type: "audio/wav" });

describe.each(OPENAI_VERSIONS)("audio with %s", (_label, OpenAIClass) => {
  it("prices a whisper-1 transcription by the seconds the API reports", async () => {
    ctx.server.enqueue({ audioSeconds: 89.2, text: "hello there" });
    const client = ctx.observed({}, OpenAIClass);
    const transcription = await client.audio.transcriptions.create({
      model: "whisper-1",
      file: await upload(),
      language: "en",
    });
    expect(transcription.text).toBe("hello there");
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.name).toBe("generate_content whisper-1");
    expect(span?.attributes).toMatchObject({
      "gen_ai.operation.name": "generate_content",
      "gen_ai.output.type": "text",
      "openai.api.type": "audio.transcriptions",
      "sightline.audio.language": "en",
      "sightline.audio.duration": 90,
      "sightline.cost.model": "whisper-1",
    });
    // 90 s × $0.006 / 60 s
    expect(span?.attributes["gen_ai.usage.cost"]).toBeCloseTo(0.009, 12);
  });

  it("reads the duration of a verbose_json translation", async () => {
    ctx.server.enqueue({ audioSeconds: 30 });
    const client = ctx.observed({}, OpenAIClass);
    const translation = await client.audio.translations.create({
      model: "whisper-1",
      file: await upload(),
      response_format: "verbose_json",
    });
    // The SDK types a translation as `Translation` here; the verbose body carries `duration` too.
    expect((translation as { duration?: number }).duration).toBe(30);
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.attributes).toMatchObject({
      "openai.api.type": "audio.translations",
      "sightline.audio.format": "verbose_json",
      "sightline.audio.duration": 30,
      "sightline.audio.language": "english",
    });
    expect(span?.attributes["gen_ai.usage.cost"]).toBeCloseTo(0.003, 12);
  });

  it("returns a plain-text transcript as the SDK's string and leaves it unpriced rather than guessed", async () => {
    const client = ctx.observed({}, OpenAIClass);
    const text = await client.audio.transcriptions.create({
      model: "whisper-1",
      file: await upload(),
      response_format: "text",
    });
    expect(typeof text).toBe("string");
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.attributes["gen_ai.usage.cost"]).toBeUndefined();
    expect(span?.attributes["sightline.audio.duration"]).toBeUndefined();
  });

  it("prices gpt-4o-transcribe by its audio and text tokens", async () => {
    // audio input $6 / 1M, text output $10 / 1M
    ctx.server.enqueue({ usage: { inputTokens: 1000, outputTokens: 100 } });
    const client = ctx.observed({}, OpenAIClass);
    await client.audio.transcriptions.create({ model: "gpt-4o-transcribe", file: await upload() });
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.attributes).toMatchObject({
      "gen_ai.usage.input_tokens": 1000,
      "gen_ai.usage.output_tokens": 100,
      "sightline.cost.audio_input": 0.006,
      "sightline.cost.output": 0.001,
    });
    expect(span?.attributes["gen_ai.usage.cost"]).toBeCloseTo(0.007, 12);
  });

  it("follows a streamed transcription to its done event", async () => {
    ctx.server.enqueue({ text: "one two three", usage: { inputTokens: 50, outputTokens: 4 } });
    const client = ctx.observed({}, OpenAIClass);
    const stream = await client.audio.transcriptions.create({
      model: "gpt-4o-mini-transcribe",
      file: await upload(),
      stream: true,
    });
    let text = "";
    for await (const event of stream) if (event.type === "transcript.text.delta") text += event.delta;
    expect(text).toBe("one two three");
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.attributes).toMatchObject({
      "gen_ai.request.stream": true,
      "gen_ai.usage.input_tokens": 50,
      "gen_ai.usage.output_tokens": 4,
      "sightline.stream.outcome": "completed",
    });
    expect(span?.attributes["gen_ai.usage.cost"]).toBeGreaterThan(0);
  });

  it("leaves speech's raw Response unread for the caller and prices tts-1 by characters", async () => {
    const client = ctx.observed({}, OpenAIClass);
    const input = "Hello, world! ✨";
    const response = await client.audio.speech.create({ model: "tts-1", voice: "alloy", input });
    expect(response.bodyUsed).toBe(false);
    expect(response.headers.get("content-type")).toBe("audio/mpeg");
    const audio = Buffer.from(await response.arrayBuffer());
    expect(audio.length).toBe(input.length * 16);
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.name).toBe("generate_content tts-1");
    expect(span?.attributes).toMatchObject({
      "gen_ai.output.type": "speech",
      "openai.api.type": "audio.speech",
      "sightline.audio.input_characters": 15,
      "sightline.audio.voice": "alloy",
      "sightline.audio.format": "mp3",
    });
    // 15 characters × $15 / 1M
    expect(span?.attributes["gen_ai.usage.cost"]).toBeCloseTo(0.000225, 12);
  });

  it("leaves gpt-4o-mini-tts unpriced: it bills audio tokens the API does not report", async () => {
    const client = ctx.observed({}, OpenAIClass);
    const response = await client.audio.speech.create({
      model: "gpt-4o-mini-tts",
      voice: "coral",
      input: "hi",
    });
    await response.arrayBuffer();
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.attributes["sightline.cost.match"]).toBe("unpriced");
    expect(span?.attributes["gen_ai.usage.cost"]).toBeUndefined();
  });
});
