import { ApiError } from "@google/genai";
import { SpanStatusCode } from "@opentelemetry/api";
import { describe, expect, it } from "vitest";
import { settle, useGoogleGenAITestContext, waitForSpans } from "../test-helpers.js";

const ctx = useGoogleGenAITestContext();
const request = { model: "gemini-x", contents: "Tell me a story" };

describe("models.generateContentStream", () => {
  it("yields every chunk and records usage, finish reason and chunk timings", async () => {
    ctx.server.enqueue({
      text: "Once upon a time there was a mock.",
      chunks: 6,
      usage: { inputTokens: 12, outputTokens: 9, reasoningTokens: 2 },
    });
    const ai = ctx.observed();
    const stream = await ai.models.generateContentStream({ ...request, model: "gemini-stream" });
    let text = "";
    let chunks = 0;
    for await (const chunk of stream) {
      chunks++;
      text += chunk.text ?? "";
    }
    expect(text).toBe("Once upon a time there was a mock.");
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.name).toBe("generate_content gemini-stream");
    expect(span?.attributes).toMatchObject({
      "gen_ai.request.stream": true,
      "gen_ai.response.finish_reasons": ["STOP"],
      "gen_ai.response.id": expect.stringMatching(/^resp_mock_/),
      "gen_ai.usage.input_tokens": 12,
      "gen_ai.usage.output_tokens": 11,
      "gen_ai.usage.reasoning.output_tokens": 2,
      "sightline.stream.outcome": "completed",
      "sightline.stream.chunks": chunks,
    });
    expect(span?.attributes["gen_ai.response.time_to_first_chunk"]).toBeGreaterThan(0);
  });

  it("ends the span once, not as an error, when the consumer breaks after 2 chunks", async () => {
    ctx.server.enqueue({ chunks: 10, chunkDelayMs: 5 });
    const ai = ctx.observed();
    const stream = await ai.models.generateContentStream(request);
    let seen = 0;
    for await (const _chunk of stream) {
      if (++seen === 2) break;
    }
    const spans = await waitForSpans(ctx.telemetry, 1);
    await settle(50);
    expect(ctx.telemetry.spans()).toHaveLength(1);
    expect(spans[0]?.attributes["sightline.stream.outcome"]).toBe("cancelled");
    expect(spans[0]?.attributes["sightline.stream.chunks"]).toBe(2);
    expect(spans[0]?.status.code).toBe(SpanStatusCode.UNSET);
  });

  it("ends the span as aborted when the caller aborts through config.abortSignal", async () => {
    ctx.server.enqueue({ chunks: 20, chunkDelayMs: 10 });
    const controller = new AbortController();
    const ai = ctx.observed();
    const stream = await ai.models.generateContentStream({
      ...request,
      config: { abortSignal: controller.signal },
    });
    let seen = 0;
    const error = await (async () => {
      for await (const _chunk of stream) {
        if (++seen === 3) controller.abort();
      }
    })().catch((caught: unknown) => caught);
    expect(seen).toBeLessThan(20);
    const [span] = await waitForSpans(ctx.telemetry, 1);
    await settle();
    expect(ctx.telemetry.spans()).toHaveLength(1);
    // The SDK's reader rejects with the platform's AbortError, passed through unchanged.
    expect((error as Error).name).toBe("AbortError");
    expect(span?.attributes["sightline.stream.outcome"]).toBe("aborted");
    expect(span?.attributes["sightline.stream.chunks"]).toBe(3);
  });

  it("ends the span of a stream that is never read once it is abandoned", async () => {
    const ai = ctx.observed({ abandonedAfterMs: 50 });
    await ai.models.generateContentStream(request);
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.attributes["sightline.stream.outcome"]).toBe("abandoned");
    expect(span?.attributes["sightline.stream.chunks"]).toBe(0);
  });

  it("marks a stream cut mid-way as an error and re-throws the SDK's error", async () => {
    ctx.server.enqueue({ chunks: 10, cutAfterChunks: 3 });
    const ai = ctx.observed();
    const stream = await ai.models.generateContentStream(request);
    let seen = 0;
    const error = await (async () => {
      for await (const _chunk of stream) seen++;
    })().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.status.code).toBe(SpanStatusCode.ERROR);
    expect(span?.attributes["sightline.stream.outcome"]).toBe("error");
    expect(span?.attributes["sightline.stream.chunks"]).toBe(seen);
  });

  it("still yields a span when a chunk is malformed", async () => {
    ctx.server.enqueue({ chunks: 5, malformedChunkAt: 2 });
    const ai = ctx.observed();
    const stream = await ai.models.generateContentStream(request);
    const error = await (async () => {
      for await (const _chunk of stream) {
        // reading until the SDK fails on the bad payload
      }
    })().catch((caught: unknown) => caught);
    expect(error).toBeDefined();
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.status.code).toBe(SpanStatusCode.ERROR);
    expect(span?.attributes["sightline.stream.chunks"]).toBe(2);
    expect(span?.attributes["gen_ai.response.id"]).toBeTypeOf("string");
  });

  it("re-throws a mid-stream error chunk as the SDK's ApiError", async () => {
    ctx.server.enqueue({ chunks: 5, errorChunkAt: 2 });
    const ai = ctx.observed();
    const stream = await ai.models.generateContentStream(request);
    const error = await (async () => {
      for await (const _chunk of stream) {
        // reading until the error chunk
      }
    })().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.status.code).toBe(SpanStatusCode.ERROR);
    expect(span?.attributes["sightline.stream.outcome"]).toBe("error");
  });

  it("re-throws an HTTP error from the returned promise as the same ApiError", async () => {
    ctx.server.enqueue({ status: 503 });
    const ai = ctx.observed();
    const error = await ai.models.generateContentStream(request).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(503);
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.status.code).toBe(SpanStatusCode.ERROR);
    expect(span?.attributes["http.response.status_code"]).toBe(503);
  });

  it("records a blocked prompt's reason on a streamed call", async () => {
    ctx.server.enqueue({ blockReason: "PROHIBITED_CONTENT" });
    const ai = ctx.observed();
    for await (const _chunk of await ai.models.generateContentStream(request)) {
      // drain
    }
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.status.code).toBe(SpanStatusCode.UNSET);
    expect(span?.attributes["gcp.gemini.prompt_feedback.block_reason"]).toBe("PROHIBITED_CONTENT");
  });

  it("captures streamed thoughts, text and function calls when content capture is on", async () => {
    ctx.server.enqueue({
      thinking: "Let me think.",
      text: "Checking.",
      toolCalls: [{ name: "lookup", arguments: '{"q":"mock"}' }],
      chunks: 3,
    });
    const ai = ctx.observed({ captureContent: true });
    for await (const _chunk of await ai.models.generateContentStream(request)) {
      // drain
    }
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(JSON.parse(String(span?.attributes["gen_ai.output.messages"]))).toEqual([
      {
        role: "assistant",
        parts: [
          { type: "reasoning", content: "Let me think." },
          { type: "text", content: "Checking." },
          { type: "tool_call", name: "lookup", arguments: { q: "mock" } },
        ],
        finish_reason: "tool_call",
      },
    ]);
  });
});
