import { createPriceRegistry } from "@sightline/core";
import ollama, { Ollama } from "ollama";
import { describe, expect, it } from "vitest";
import { observeOllama } from "./observe-ollama.js";
import { settle, useOllamaTestContext, waitForSpans } from "./test-helpers.js";

const ctx = useOllamaTestContext();
const messages = [{ role: "user", content: "hi" }];

const TIMINGS = {
  "sightline.ollama.total_duration_ns": 5_000_000,
  "sightline.ollama.load_duration_ns": 1_000_000,
  "sightline.ollama.prompt_eval_duration_ns": 1_500_000,
  "sightline.ollama.eval_duration_ns": 2_500_000,
};

describe("chat", () => {
  it("records counts, done_reason and the timings of a plain call, with no response id", async () => {
    ctx.server.enqueue({ usage: { inputTokens: 11, outputTokens: 7 }, finishReason: "length" });
    const response = await ctx
      .observed()
      .chat({ model: "llama3.2", messages, options: { temperature: 0.2 } });
    expect(response.message.content).toBe("Hello from the Sightline mock.");
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.name).toBe("chat llama3.2");
    expect(span?.attributes).toMatchObject({
      "gen_ai.operation.name": "chat",
      "gen_ai.provider.name": "ollama",
      "gen_ai.request.model": "llama3.2",
      "gen_ai.response.model": "llama3.2",
      "gen_ai.request.temperature": 0.2,
      "gen_ai.usage.input_tokens": 11,
      "gen_ai.usage.output_tokens": 7,
      "gen_ai.response.finish_reasons": ["length"],
      "server.address": "127.0.0.1",
      "server.port": Number(new URL(ctx.server.url).port),
      ...TIMINGS,
    });
    expect(span?.attributes["gen_ai.response.id"]).toBeUndefined();
  });

  it("a stream stays the SDK's AbortableAsyncIterator; counts and timings come from the done chunk", async () => {
    ctx.server.enqueue({ chunks: 4, usage: { inputTokens: 5, outputTokens: 6 } });
    const stream = await ctx.observed().chat({ model: "llama3.2", messages, stream: true });
    expect(stream.constructor.name).toBe("AbortableAsyncIterator");
    let text = "";
    let last: unknown;
    for await (const chunk of stream) {
      text += chunk.message.content;
      last = chunk;
    }
    expect(text).toBe("Hello from the Sightline mock.");
    expect(last).toMatchObject({ done: true, prompt_eval_count: 5, eval_count: 6 });
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.attributes).toMatchObject({
      "gen_ai.request.stream": true,
      "gen_ai.usage.input_tokens": 5,
      "gen_ai.usage.output_tokens": 6,
      "gen_ai.response.finish_reasons": ["stop"],
      "sightline.stream.outcome": "completed",
      "sightline.stream.chunks": 5,
      ...TIMINGS,
    });
  });

  it("abort() on the stream still aborts it: the caller gets the SDK's AbortError, the span is aborted", async () => {
    ctx.server.enqueue({ chunks: 20, chunkDelayMs: 10 });
    const stream = await ctx.observed().chat({ model: "llama3.2", messages, stream: true });
    let seen = 0;
    let caught: unknown;
    try {
      for await (const _chunk of stream) {
        seen++;
        if (seen === 2) stream.abort();
      }
    } catch (error) {
      caught = error;
    }
    expect(seen).toBeLessThan(20);
    expect((caught as Error | undefined)?.name).toBe("AbortError");
    const [span] = await waitForSpans(ctx.telemetry, 1);
    await settle();
    expect(ctx.telemetry.spans()).toHaveLength(1);
    expect(span?.attributes["sightline.stream.outcome"]).toBe("aborted");
    expect(span?.attributes["sightline.stream.chunks"]).toBe(2);
  });

  it("the client's own abort() (every ongoing stream) ends the span as aborted", async () => {
    ctx.server.enqueue({ chunks: 20, chunkDelayMs: 10 });
    const client = ctx.observed();
    const stream = await client.chat({ model: "llama3.2", messages, stream: true });
    const iterator = stream[Symbol.asyncIterator]();
    await iterator.next();
    client.abort();
    await expect(iterator.next()).rejects.toMatchObject({ name: "AbortError" });
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.attributes["sightline.stream.outcome"]).toBe("aborted");
  });

  it("an HTTP error is the SDK's ResponseError, and the span has its status", async () => {
    ctx.server.enqueue({ status: 404 });
    const error = await ctx
      .observed()
      .chat({ model: "missing", messages })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: "ResponseError", status_code: 404 });
    expect((error as Error).message).toMatch(/Mock ollama error/);
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.attributes).toMatchObject({
      "error.type": "ResponseError",
      "http.response.status_code": 404,
    });
  });

  it("captures messages and output when content capture is on", async () => {
    ctx.server.enqueue({ text: "ok" });
    await ctx.observed({ captureContent: true }).chat({
      model: "llama3.2",
      messages: [
        { role: "system", content: "be brief" },
        { role: "user", content: "hi" },
      ],
    });
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(JSON.parse(String(span?.attributes["gen_ai.input.messages"]))).toEqual([
      { role: "user", parts: [{ type: "text", content: "hi" }] },
    ]);
    expect(JSON.parse(String(span?.attributes["gen_ai.system_instructions"]))).toEqual([
      { type: "text", content: "be brief" },
    ]);
    expect(JSON.parse(String(span?.attributes["gen_ai.output.messages"]))).toEqual([
      { role: "assistant", parts: [{ type: "text", content: "ok" }], finish_reason: "stop" },
    ]);
  });
});

describe("generate", () => {
  it("a plain call is a text_completion span", async () => {
    ctx.server.enqueue({ usage: { inputTokens: 3, outputTokens: 4 } });
    const response = await ctx.observed().generate({ model: "qwen3", prompt: "why?" });
    expect(response.response).toBe("Hello from the Sightline mock.");
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.name).toBe("text_completion qwen3");
    expect(span?.attributes).toMatchObject({
      "gen_ai.operation.name": "text_completion",
      "gen_ai.usage.input_tokens": 3,
      "gen_ai.usage.output_tokens": 4,
      "gen_ai.response.finish_reasons": ["stop"],
      ...TIMINGS,
    });
  });

  it("a stream is followed to its done chunk, with the text captured when asked", async () => {
    ctx.server.enqueue({ chunks: 3, text: "abcdef", usage: { inputTokens: 2, outputTokens: 3 } });
    const stream = await ctx
      .observed({ captureContent: true })
      .generate({ model: "qwen3", prompt: "why?", stream: true });
    expect(stream.constructor.name).toBe("AbortableAsyncIterator");
    let text = "";
    for await (const chunk of stream) text += chunk.response;
    expect(text).toBe("abcdef");
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.attributes).toMatchObject({
      "gen_ai.operation.name": "text_completion",
      "gen_ai.request.stream": true,
      "gen_ai.usage.input_tokens": 2,
      "gen_ai.usage.output_tokens": 3,
      "sightline.stream.outcome": "completed",
      "sightline.stream.chunks": 4,
    });
    expect(JSON.parse(String(span?.attributes["gen_ai.output.messages"]))).toEqual([
      { role: "assistant", parts: [{ type: "text", content: "abcdef" }], finish_reason: "stop" },
    ]);
  });
});

describe("embed", () => {
  it("embed is an embeddings span with input tokens, the vector length and the timings it has", async () => {
    ctx.server.enqueue({ usage: { inputTokens: 9 } });
    const response = await ctx.observed().embed({ model: "nomic-embed-text", input: ["a", "b"] });
    expect(response.embeddings).toHaveLength(2);
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.name).toBe("embeddings nomic-embed-text");
    expect(span?.attributes).toMatchObject({
      "gen_ai.operation.name": "embeddings",
      "gen_ai.usage.input_tokens": 9,
      "gen_ai.embeddings.dimension.count": 8,
      "sightline.ollama.total_duration_ns": 5_000_000,
      "sightline.ollama.load_duration_ns": 1_000_000,
    });
    expect(span?.attributes["gen_ai.usage.output_tokens"]).toBeUndefined();
  });

  it("the legacy embeddings method is traced too (it reports no counts)", async () => {
    const response = await ctx.observed().embeddings({ model: "nomic-embed-text", prompt: "a" });
    expect(response.embedding).toHaveLength(8);
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.attributes).toMatchObject({
      "gen_ai.operation.name": "embeddings",
      "gen_ai.request.model": "nomic-embed-text",
      "gen_ai.embeddings.dimension.count": 8,
    });
  });
});

describe("cost", () => {
  it("a local model is unpriced by default, never a zero cost; a user price per model prices it", async () => {
    ctx.server.enqueue({ usage: { inputTokens: 1_000_000, outputTokens: 1_000_000 } });
    await ctx.observed().chat({ model: "llama3.2", messages });
    const [unpriced] = await waitForSpans(ctx.telemetry, 1);
    expect(unpriced?.attributes["sightline.cost.match"]).toBe("unpriced");
    expect(unpriced?.attributes["gen_ai.usage.cost"]).toBeUndefined();
    ctx.telemetry.resetSpans();

    const registry = createPriceRegistry();
    registry.registerModelPrice({
      provider: "ollama",
      model: "llama3.2",
      prices: { input: "0.1", output: "0.2" },
    });
    ctx.server.enqueue({ usage: { inputTokens: 1_000_000, outputTokens: 1_000_000 } });
    await ctx.observed({ cost: { registry } }).chat({ model: "llama3.2", messages });
    const [priced] = await waitForSpans(ctx.telemetry, 1);
    expect(priced?.attributes["sightline.cost.match"]).toBe("override");
    expect(priced?.attributes["gen_ai.usage.cost"]).toBeCloseTo(0.3, 12);
  });
});

describe("clients", () => {
  it("takes the server from the host, and wraps the default `ollama` instance in place", () => {
    const observed = observeOllama(ollama, { tracerProvider: ctx.telemetry.tracerProvider });
    expect(observed).toBe(ollama);
    expect(observeOllama(new Ollama({ host: "http://gpu-box:8080" }))).toBeInstanceOf(Ollama);
  });

  it("wrapping twice records one span", async () => {
    const client = ctx.observed();
    observeOllama(client, {
      tracerProvider: ctx.telemetry.tracerProvider,
      meterProvider: ctx.telemetry.meterProvider,
    });
    await client.chat({ model: "llama3.2", messages });
    await waitForSpans(ctx.telemetry, 1);
    await settle();
    expect(ctx.telemetry.spans()).toHaveLength(1);
  });

  it("names a remote host's address and port", async () => {
    const client = observeOllama(
      new Ollama({ host: "http://gpu-box:8080", fetch: () => Promise.reject(new TypeError("offline")) }),
      {
        tracerProvider: ctx.telemetry.tracerProvider,
        meterProvider: ctx.telemetry.meterProvider,
      },
    );
    await expect(client.chat({ model: "llama3.2", messages })).rejects.toThrow("offline");
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.attributes).toMatchObject({ "server.address": "gpu-box", "server.port": 8080 });
  });
});
