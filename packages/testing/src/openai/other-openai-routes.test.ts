import OpenAI, { toFile } from "openai";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parseMultipartFields } from "../parse-multipart-fields.js";
import { startMockLLMServer } from "../start-mock-llm-server.js";
import type { MockLLMServer } from "../types.js";

let server: MockLLMServer;
let client: OpenAI;

beforeAll(async () => {
  server = await startMockLLMServer();
  client = new OpenAI({ apiKey: "test", baseURL: server.openaiBaseURL, maxRetries: 0 });
});
afterAll(() => server.close());
beforeEach(() => server.reset());

describe("legacy completions, images, audio and moderations routes", () => {
  it("answers /completions without taking /chat/completions", async () => {
    const completion = await client.completions.create({
      model: "gpt-3.5-turbo-instruct",
      prompt: "hi",
      n: 2,
    });
    expect(completion.object).toBe("text_completion");
    expect(completion.choices).toHaveLength(2);
    expect(completion.usage?.prompt_tokens).toBe(1);
    const chat = await client.chat.completions.create({
      model: "gpt-4o",
      messages: [{ role: "user", content: "hi" }],
    });
    expect(chat.object).toBe("chat.completion");
  });

  it("reads the text fields of a multipart upload and reports whisper-1 usage in whole seconds", async () => {
    server.enqueue({ audioSeconds: 2.2 });
    const file = await toFile(Buffer.from("audio"), "a.wav", { type: "audio/wav" });
    const transcription = await client.audio.transcriptions.create({
      model: "whisper-1",
      file,
      prompt: "names",
    });
    expect(transcription.usage).toEqual({ type: "duration", seconds: 3 });
    const body = server.requests[0]?.body;
    const fields = parseMultipartFields({ body, contentType: server.requests[0]?.headers["content-type"] });
    expect(fields).toEqual({ model: "whisper-1", prompt: "names" });
  });

  it("answers speech with binary audio and moderations with one result per input", async () => {
    const speech = await client.audio.speech.create({
      model: "tts-1",
      voice: "alloy",
      input: "abc",
      response_format: "wav",
    });
    expect(speech.headers.get("content-type")).toBe("audio/wav");
    expect((await speech.arrayBuffer()).byteLength).toBe(48);
    const moderation = await client.moderations.create({ input: ["ok", "flag"] });
    expect(moderation.results.map((result) => result.flagged)).toEqual([false, true]);
  });

  it("answers DALL·E with URLs and no usage, GPT image models with base64 and usage", async () => {
    const dalle = await client.images.generate({ model: "dall-e-3", prompt: "x" });
    expect(dalle.data?.[0]?.url).toBeTruthy();
    expect(dalle.usage).toBeUndefined();
    const gptImage = await client.images.generate({ model: "gpt-image-1", prompt: "x", n: 2 });
    expect(gptImage.data).toHaveLength(2);
    expect(gptImage.usage?.output_tokens).toBe(544);
  });
});
