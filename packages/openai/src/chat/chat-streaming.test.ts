import { SpanStatusCode } from "@opentelemetry/api";
import { describe, expect, it } from "vitest";
import { OPENAI_VERSIONS, useOpenAITestContext, waitForSpans } from "../test-helpers.js";

const ctx = useOpenAITestContext();
const messages = [{ role: "user" as const, content: "Tell me a story" }];

describe.each(OPENAI_VERSIONS)("streamed chat.completions with %s", (label, OpenAIClass) => {
  it("passes every chunk through and records usage, finish reason and chunk timings", async () => {
    ctx.server.enqueue({
      text: "Once upon a time there was a mock.",
      chunks: 6,
      usage: { inputTokens: 12, outputTokens: 9 },
    });
    const client = ctx.observed({}, OpenAIClass);
    const stream = await client.chat.completions.create({
      model: "gpt-4o",
      messages,
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = "";
    let chunks = 0;
    for await (const chunk of stream) {
      chunks++;
      text += chunk.choices[0]?.delta.content ?? "";
    }
    expect(text).toBe("Once upon a time there was a mock.");
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.attributes).toMatchObject({
      "gen_ai.request.stream": true,
      "gen_ai.response.finish_reasons": ["stop"],
      "gen_ai.usage.input_tokens": 12,
      "gen_ai.usage.output_tokens": 9,
      "sightline.stream.outcome": "completed",
      "sightline.stream.chunks": chunks,
    });
    expect(span?.attributes["gen_ai.response.time_to_first_chunk"]).toBeGreaterThan(0);
    const model = span?.attributes["gen_ai.request.model"];
    const ttfc = (await ctx.telemetry.metricPoints("gen_ai.client.operation.time_to_first_chunk")).filter(
      (point) => point.attributes["gen_ai.request.model"] === model,
    );
    expect(ttfc.reduce((sum, point) => sum + (point.count ?? 0), 0)).toBeGreaterThan(0);
    const perChunk = await ctx.telemetry.metricPoints("gen_ai.client.operation.time_per_output_chunk");
    expect(perChunk.reduce((sum, point) => sum + (point.count ?? 0), 0)).toBeGreaterThanOrEqual(5);
  });

  it("ends the span once, not as an error, when the consumer breaks after 2 chunks", async () => {
    ctx.server.enqueue({ chunks: 10, chunkDelayMs: 5 });
    const client = ctx.observed({}, OpenAIClass);
    const stream = await client.chat.completions.create({ model: `break-${label}`, messages, stream: true });
    let seen = 0;
    for await (const _chunk of stream) {
      if (++seen === 2) break;
    }
    const spans = await waitForSpans(ctx.telemetry, 1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(ctx.telemetry.spans()).toHaveLength(1);
    expect(spans[0]?.attributes["sightline.stream.outcome"]).toBe("cancelled");
    expect(spans[0]?.attributes["sightline.stream.chunks"]).toBe(2);
    expect(spans[0]?.status.code).toBe(SpanStatusCode.UNSET);
  });

  it("ends the span as aborted when the caller aborts through the controller", async () => {
    ctx.server.enqueue({ chunks: 20, chunkDelayMs: 10 });
    const client = ctx.observed({}, OpenAIClass);
    const stream = await client.chat.completions.create({ model: "gpt-4o", messages, stream: true });
    let seen = 0;
    for await (const _chunk of stream) {
      if (++seen === 3) stream.controller.abort();
    }
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.attributes["sightline.stream.outcome"]).toBe("aborted");
    expect(seen).toBeLessThan(20);
  });

  it("ends the span of a stream that is never read once it is abandoned", async () => {
    const client = ctx.observed({ abandonedAfterMs: 50 }, OpenAIClass);
    await client.chat.completions.create({ model: "gpt-4o", messages, stream: true });
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.attributes["sightline.stream.outcome"]).toBe("abandoned");
    expect(span?.attributes["sightline.stream.chunks"]).toBe(0);
  });

  it("marks a stream cut mid-way as an error and re-throws the SDK's error", async () => {
    ctx.server.enqueue({ chunks: 10, cutAfterChunks: 3 });
    const client = ctx.observed({}, OpenAIClass);
    const stream = await client.chat.completions.create({ model: "gpt-4o", messages, stream: true });
    let seen = 0;
    const error = await (async () => {
      for await (const _chunk of stream) seen++;
    })().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.status.code).toBe(SpanStatusCode.ERROR);
    expect(span?.attributes["sightline.stream.outcome"]).toBe("error");
    expect(span?.attributes["sightline.stream.chunks"]).toBe(seen);
    expect(span?.attributes["error.type"]).toBeTypeOf("string");
  });

  it("still yields a span when a chunk is malformed", async () => {
    ctx.server.enqueue({ chunks: 5, malformedChunkAt: 2 });
    const client = ctx.observed({}, OpenAIClass);
    const stream = await client.chat.completions.create({ model: "gpt-4o", messages, stream: true });
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

  it("the stream() helper works as before and produces one span", async () => {
    ctx.server.enqueue({ text: "helper text", chunks: 3 });
    const client = ctx.observed({}, OpenAIClass);
    const runner = client.chat.completions.stream({ model: "gpt-4o", messages });
    const deltas: string[] = [];
    runner.on("content", (delta) => deltas.push(delta));
    const final = await runner.finalChatCompletion();
    expect(final.choices[0]?.message.content).toBe("helper text");
    expect(deltas.join("")).toBe("helper text");
    const spans = await waitForSpans(ctx.telemetry, 1);
    expect(spans).toHaveLength(1);
    expect(spans[0]?.attributes["sightline.stream.outcome"]).toBe("completed");
  });
});
