import { createPriceRegistry } from "@sightline/core";
import { describe, expect, it } from "vitest";
import { useLangChainTestContext, waitForSpans } from "./test-helpers.js";

const ctx = useLangChainTestContext();

describe("SightlineCallbackHandler: usage details LangChain passes on", () => {
  it("prices the audio tokens of usage_metadata's input and output details at the audio rates", async () => {
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
    const handler = ctx.handler({ cost: { registry } });
    await ctx.chatOpenAI({ model: "audio-model" }).invoke("hello", { callbacks: [handler] });
    const [chat] = await waitForSpans(ctx.telemetry, 1);
    // text in 700 × 2.5e-6 = 0.00175; audio in 300 × 40e-6 = 0.012; text out 300 × 10e-6 = 0.003;
    // audio out 200 × 80e-6 = 0.016; total 0.03275
    expect(chat?.attributes).toMatchObject({
      "sightline.cost.audio_input": 0.012,
      "sightline.cost.audio_output": 0.016,
      "gen_ai.usage.cost": 0.03275,
    });
  });
});
