import { describe, expect, it } from "vitest";
import { mapOpenAIUsage } from "./map-openai-usage.js";

describe("mapOpenAIUsage", () => {
  it("reads OpenAI's chat and Responses spellings", () => {
    expect(
      mapOpenAIUsage({
        prompt_tokens: 100,
        completion_tokens: 50,
        prompt_tokens_details: { cached_tokens: 20 },
        completion_tokens_details: { reasoning_tokens: 10 },
      }),
    ).toEqual({ inputTokens: 100, outputTokens: 50, cacheReadInputTokens: 20, reasoningOutputTokens: 10 });
    expect(
      mapOpenAIUsage({ input_tokens: 7, output_tokens: 3, input_tokens_details: { cached_tokens: 0 } }),
    ).toMatchObject({ inputTokens: 7, outputTokens: 3, cacheReadInputTokens: 0 });
  });

  it("takes DeepSeek's cache hits as cache reads, and sums hit and miss when prompt_tokens is missing", () => {
    expect(
      mapOpenAIUsage({
        prompt_tokens: 1000,
        completion_tokens: 500,
        prompt_cache_hit_tokens: 600,
        prompt_cache_miss_tokens: 400,
      }),
    ).toEqual({
      inputTokens: 1000,
      outputTokens: 500,
      cacheReadInputTokens: 600,
      reasoningOutputTokens: undefined,
    });
    expect(
      mapOpenAIUsage({ completion_tokens: 5, prompt_cache_hit_tokens: 6, prompt_cache_miss_tokens: 4 }),
    ).toMatchObject({ inputTokens: 10, cacheReadInputTokens: 6 });
  });

  it("copes with null details, a top-level reasoning count, and no usage at all", () => {
    expect(
      mapOpenAIUsage({
        prompt_tokens: 3,
        completion_tokens: 2,
        prompt_tokens_details: null,
        reasoning_tokens: 1,
      }),
    ).toEqual({ inputTokens: 3, outputTokens: 2, cacheReadInputTokens: undefined, reasoningOutputTokens: 1 });
    expect(mapOpenAIUsage(null)).toBeUndefined();
    expect(mapOpenAIUsage(undefined)).toBeUndefined();
    expect(mapOpenAIUsage({ total_tokens: 9 })).toEqual({
      inputTokens: undefined,
      outputTokens: undefined,
      cacheReadInputTokens: undefined,
      reasoningOutputTokens: undefined,
    });
  });
  it("reads audio input (uncached), audio output and image input tokens from the detail objects", () => {
    expect(
      mapOpenAIUsage({
        prompt_tokens: 1000,
        completion_tokens: 500,
        prompt_tokens_details: { cached_tokens: 0, audio_tokens: 300, image_tokens: 0 },
        completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 200 },
      }),
    ).toEqual({
      inputTokens: 1000,
      outputTokens: 500,
      cacheReadInputTokens: 0,
      reasoningOutputTokens: 0,
      audioInputTokens: 300,
      audioOutputTokens: 200,
    });
    // Realtime: `input_token_details`, with the cache split by modality; cached audio is a cache read, not audio.
    expect(
      mapOpenAIUsage({
        input_tokens: 900,
        output_tokens: 400,
        input_token_details: {
          cached_tokens: 256,
          audio_tokens: 600,
          cached_tokens_details: { text_tokens: 64, audio_tokens: 192 },
        },
        output_token_details: { text_tokens: 100, audio_tokens: 300 },
      }),
    ).toMatchObject({ cacheReadInputTokens: 256, audioInputTokens: 408, audioOutputTokens: 300 });
    expect(
      mapOpenAIUsage({ input_tokens: 1000, input_tokens_details: { text_tokens: 235, image_tokens: 765 } }),
    ).toMatchObject({ imageInputTokens: 765 });
  });
});
