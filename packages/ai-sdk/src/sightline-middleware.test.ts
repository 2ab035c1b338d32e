import { createGovernance, PolicyViolationError } from "@sightline/core";
import { generateObject, generateText, jsonSchema, streamText, wrapLanguageModel } from "ai";
import { describe, expect, it } from "vitest";
import { sightlineMiddleware } from "./sightline-middleware.js";
import { idOf, parentOf, settle, spansNamed, useAISDKTestContext, waitForSpans } from "./test-helpers.js";

const ctx = useAISDKTestContext();
const providers = () => ({
  tracerProvider: ctx.telemetry.tracerProvider,
  meterProvider: ctx.telemetry.meterProvider,
});

describe("sightlineMiddleware", () => {
  it("records a generateText call through a wrapped model, with usage, finish reason and cost", async () => {
    ctx.server.enqueue({ usage: { inputTokens: 40, outputTokens: 9, cachedInputTokens: 8 } });
    const model = wrapLanguageModel({
      model: ctx.openaiChat(),
      middleware: sightlineMiddleware(providers()),
    });
    const { text } = await generateText({ model, prompt: "hi" });
    expect(text).toBe("Hello from the Sightline mock.");
    const [chat] = await waitForSpans(ctx.telemetry, 1);
    expect(chat?.name).toBe("chat gpt-4o");
    expect(chat?.attributes).toMatchObject({
      "gen_ai.provider.name": "openai",
      "gen_ai.response.model": "gpt-4o-2026-01-01",
      "gen_ai.response.finish_reasons": ["stop"],
      "gen_ai.usage.input_tokens": 40,
      "gen_ai.usage.cache_read.input_tokens": 8,
      "gen_ai.usage.output_tokens": 9,
    });
    expect(chat?.attributes["gen_ai.usage.cost"]).toBeGreaterThan(0);
  });

  it("follows a stream without changing it: same text, chunks counted, time to first chunk", async () => {
    ctx.server.enqueue({ text: "one two three", chunks: 3 });
    const model = wrapLanguageModel({ model: ctx.anthropic(), middleware: sightlineMiddleware(providers()) });
    const result = streamText({ model, prompt: "count" });
    let text = "";
    for await (const delta of result.textStream) text += delta;
    expect(text).toBe("one two three");
    const [chat] = await waitForSpans(ctx.telemetry, 1);
    expect(chat?.attributes).toMatchObject({
      "gen_ai.request.stream": true,
      "sightline.stream.outcome": "completed",
      "gen_ai.provider.name": "anthropic",
    });
    expect(chat?.attributes["sightline.stream.chunks"]).toBeGreaterThan(3);
    expect(chat?.attributes["gen_ai.response.time_to_first_chunk"]).toBeGreaterThanOrEqual(0);
    expect(chat?.attributes["gen_ai.usage.output_tokens"]).toBeGreaterThan(0);
  });

  it("refuses a generateObject call in enforce mode before any request is sent", async () => {
    const governance = createGovernance({
      mode: "enforce",
      policies: [{ name: "openai-only", allowedProviders: ["openai"] }],
    });
    const model = wrapLanguageModel({
      model: ctx.google(),
      middleware: sightlineMiddleware({ ...providers(), governance }),
    });
    const error = await generateObject({
      model,
      prompt: "A city",
      schema: jsonSchema<{ city: string }>({ type: "object", properties: { city: { type: "string" } } }),
    }).catch((caught: unknown) => caught);
    expect(PolicyViolationError.isInstance(error)).toBe(true);
    expect(ctx.server.requests).toHaveLength(0);
    const [refused] = await waitForSpans(ctx.telemetry, 1);
    expect(refused?.attributes["sightline.governance.refused"]).toBe(true);
  });

  it("records nothing inside a call the telemetry integration records: one call, one span", async () => {
    const model = wrapLanguageModel({
      model: ctx.openaiChat(),
      middleware: sightlineMiddleware(providers()),
    });
    await generateText({ model, prompt: "hi", telemetry: { integrations: [ctx.integration()] } });
    const spans = await waitForSpans(ctx.telemetry, 2);
    await settle();
    const chats = spansNamed(ctx.telemetry.spans(), "chat gpt-4o");
    expect(chats).toHaveLength(1);
    expect(parentOf(chats[0])).toBe(idOf(spansNamed(spans, "invoke_agent generateText")[0]));
    expect(ctx.telemetry.spans()).toHaveLength(2);
  });

  it("with the integration's object spans off, a generateObject call is one span too", async () => {
    const model = wrapLanguageModel({
      model: ctx.openaiChat(),
      middleware: sightlineMiddleware(providers()),
    });
    await generateObject({
      model,
      prompt: "A city",
      schema: jsonSchema<{ city: string }>({ type: "object", properties: { city: { type: "string" } } }),
      telemetry: { integrations: [ctx.integration({ objectModelSpans: false })] },
    });
    await waitForSpans(ctx.telemetry, 2);
    await settle();
    expect(spansNamed(ctx.telemetry.spans(), "chat gpt-4o")).toHaveLength(1);
    expect(spansNamed(ctx.telemetry.spans(), "invoke_agent generateObject")).toHaveLength(1);
  });

  it("ends the span as aborted when the caller aborts the stream", async () => {
    ctx.server.enqueue({ text: "one two three four five six", chunks: 6, chunkDelayMs: 40 });
    const controller = new AbortController();
    const model = wrapLanguageModel({
      model: ctx.openaiChat(),
      middleware: sightlineMiddleware(providers()),
    });
    const result = streamText({ model, prompt: "count", abortSignal: controller.signal });
    let received = 0;
    for await (const _delta of result.textStream) {
      received++;
      if (received === 1) controller.abort();
    }
    const [chat] = await waitForSpans(ctx.telemetry, 1);
    expect(chat?.attributes["sightline.stream.outcome"]).toBe("aborted");
    await settle();
    expect(ctx.telemetry.spans()).toHaveLength(1);
  });
});
