import { generateText, streamText, wrapLanguageModel } from "ai";
import { describe, expect, it } from "vitest";
import { sightlineMiddleware } from "./sightline-middleware.js";
import { spansNamed, useAISDKTestContext, waitForSpans } from "./test-helpers.js";

// The AI SDK's unified `content-filter` finish reason is a provider-reported refusal; content capture stays off.
const ctx = useAISDKTestContext();

async function chatSpan() {
  const spans = await waitForSpans(ctx.telemetry, 1);
  const [chat] = spansNamed(spans, "chat gpt-4o");
  return chat?.attributes ?? {};
}

describe("sightlineTelemetry", () => {
  it("generateText: a content-filtered answer carries the provider's raw reason", async () => {
    ctx.server.enqueue({ finishReason: "content_filter" });
    await generateText({
      model: ctx.openaiChat(),
      prompt: "hi",
      telemetry: { integrations: [ctx.integration()] },
    });
    const attributes = await chatSpan();
    expect(attributes["sightline.response.refusal"]).toBe("content_filter");
    expect(attributes["gen_ai.output.messages"]).toBeUndefined();
  });

  it("streamText: the end-of-call event's content-filter is a refusal", async () => {
    ctx.server.enqueue({ finishReason: "content_filter" });
    const result = streamText({
      model: ctx.openaiChat(),
      prompt: "hi",
      telemetry: { integrations: [ctx.integration()] },
    });
    await result.consumeStream();
    expect((await chatSpan())["sightline.response.refusal"]).toBe("content-filter");
  });

  it("an ordinary answer carries no refusal", async () => {
    ctx.server.enqueue({});
    await generateText({
      model: ctx.openaiChat(),
      prompt: "hi",
      telemetry: { integrations: [ctx.integration()] },
    });
    expect((await chatSpan())["sightline.response.refusal"]).toBeUndefined();
  });
});

describe("sightlineMiddleware", () => {
  const middleware = () =>
    sightlineMiddleware({
      tracerProvider: ctx.telemetry.tracerProvider,
      meterProvider: ctx.telemetry.meterProvider,
    });

  it.each([false, true])("a content-filtered answer is a refusal (stream: %s)", async (stream) => {
    ctx.server.enqueue({ finishReason: "content_filter" });
    const model = wrapLanguageModel({ model: ctx.openaiChat(), middleware: middleware() });
    if (stream) await streamText({ model, prompt: "hi" }).consumeStream();
    else await generateText({ model, prompt: "hi" });
    expect((await chatSpan())["sightline.response.refusal"]).toBe("content_filter");
  });
});
