import { describe, expect, it } from "vitest";
import { observeOpenAI } from "./observe-openai.js";
import { OPENAI_VERSIONS, useOpenAITestContext, waitForSpans } from "./test-helpers.js";

const ctx = useOpenAITestContext();

describe.each(OPENAI_VERSIONS)(
  "the newer endpoints of a wrapped %s client behave as before",
  (_label, OpenAIClass) => {
    it("return the SDK's own APIPromise, with withResponse() and asResponse()", async () => {
      const client = ctx.observed({ abandonedAfterMs: 30 }, OpenAIClass);
      const promise = client.images.generate({ model: "dall-e-3", prompt: "x" });
      expect(promise.constructor.name).toBe("APIPromise");
      const { data, response } = await promise.withResponse();
      expect(response.status).toBe(200);
      expect(data.data).toHaveLength(1);

      const raw = await client.moderations.create({ input: "hi" }).asResponse();
      const body = (await raw.json()) as { results: unknown[] };
      expect(body.results).toHaveLength(1);
      const spans = await waitForSpans(ctx.telemetry, 2);
      const moderation = spans.find((span) => span.name.startsWith("moderation"));
      expect(moderation?.attributes["sightline.response.read"]).toBe(false);
    });

    it("speech: withResponse() gives the same unread Response as data", async () => {
      const client = ctx.observed({}, OpenAIClass);
      const { data, response } = await client.audio.speech
        .create({ model: "tts-1-hd", voice: "alloy", input: "abcd" })
        .withResponse();
      expect(data.bodyUsed).toBe(false);
      expect(response.status).toBe(200);
      expect((await data.arrayBuffer()).byteLength).toBe(64);
      const [span] = await waitForSpans(ctx.telemetry, 1);
      expect(span?.attributes["gen_ai.usage.cost"]).toBeCloseTo(0.00012, 12);
    });

    it("wrapping twice records each call once", async () => {
      const client = ctx.observed({}, OpenAIClass);
      observeOpenAI(client, { tracerProvider: ctx.telemetry.tracerProvider });
      await client.completions.create({ model: "gpt-3.5-turbo-instruct", prompt: "hi" });
      await client.moderations.create({ input: "hi" });
      const spans = await waitForSpans(ctx.telemetry, 2);
      expect(spans).toHaveLength(2);
    });
  },
);
