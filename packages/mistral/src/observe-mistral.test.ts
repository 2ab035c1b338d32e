import { SpanKind, SpanStatusCode } from "@opentelemetry/api";
import { describe, expect, it } from "vitest";
import { useMistralTestContext, userMessages, waitForSpans } from "./test-helpers.js";

const ctx = useMistralTestContext();

describe("chat.complete", () => {
  it("records provider mistral_ai, the server from serverURL, usage with cached tokens and semconv finish reasons", async () => {
    ctx.server.enqueue({
      usage: { inputTokens: 20, outputTokens: 5, cachedInputTokens: 8 },
      toolCalls: [{ name: "lookup", arguments: '{"q":"x"}' }],
    });
    const client = ctx.observed({ captureContent: true });
    const result = await client.chat.complete({
      model: "mistral-small-latest",
      messages: [{ role: "system", content: "be brief" }, ...userMessages],
      maxTokens: 50,
      temperature: 0.2,
      topP: 0.9,
      randomSeed: 7,
      stop: ["END"],
      responseFormat: { type: "json_object" },
    });
    expect(result.choices[0]?.finishReason).toBe("tool_calls");
    const [span] = await waitForSpans(ctx.telemetry, 1);
    const url = new URL(ctx.server.url);
    expect(span?.kind).toBe(SpanKind.CLIENT);
    expect(span?.name).toBe("chat mistral-small-latest");
    expect(span?.attributes).toMatchObject({
      "gen_ai.provider.name": "mistral_ai",
      "gen_ai.operation.name": "chat",
      "server.address": url.hostname,
      "server.port": Number(url.port),
      "gen_ai.request.max_tokens": 50,
      "gen_ai.request.temperature": 0.2,
      "gen_ai.request.top_p": 0.9,
      "gen_ai.request.seed": 7,
      "gen_ai.request.stop_sequences": ["END"],
      "gen_ai.output.type": "json",
      "gen_ai.response.id": result.id,
      "gen_ai.response.model": "mistral-small-latest",
      "gen_ai.response.finish_reasons": ["tool_call"],
      "gen_ai.usage.input_tokens": 20,
      "gen_ai.usage.output_tokens": 5,
      "gen_ai.usage.cache_read.input_tokens": 8,
    });
    const system = JSON.parse(String(span?.attributes["gen_ai.system_instructions"]));
    expect(system).toEqual([{ type: "text", content: "be brief" }]);
    const output = JSON.parse(String(span?.attributes["gen_ai.output.messages"]));
    expect(output[0]).toMatchObject({
      role: "assistant",
      finish_reason: "tool_call",
      parts: expect.arrayContaining([
        { type: "tool_call", id: "call_mock_1_0", name: "lookup", arguments: { q: "x" } },
      ]),
    });
  });

  it("maps model_length to length", async () => {
    ctx.server.enqueue({ finishReason: "model_length" });
    await ctx.observed().chat.complete({ model: "mistral-small-latest", messages: userMessages });
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.attributes["gen_ai.response.finish_reasons"]).toEqual(["length"]);
  });

  it("marks an HTTP error with the SDK's class and status (statusCode on SDKError) and rethrows it unchanged", async () => {
    ctx.server.enqueue({ status: 429 });
    const error = await ctx
      .observed()
      .chat.complete({ model: "mistral-small-latest", messages: userMessages })
      .catch((caught: unknown) => caught);
    expect((error as { statusCode?: number }).statusCode).toBe(429);
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.status.code).toBe(SpanStatusCode.ERROR);
    expect(span?.attributes).toMatchObject({ "error.type": "SDKError", "http.response.status_code": 429 });
  });
});

describe("chat.stream", () => {
  it("keeps the SDK's EventStream object and records usage from the last chunk", async () => {
    ctx.server.enqueue({ text: "abcdef", chunks: 3, usage: { inputTokens: 4, outputTokens: 3 } });
    const stream = await ctx
      .observed()
      .chat.stream({ model: "mistral-small-latest", messages: userMessages });
    expect(stream).toBeInstanceOf(ReadableStream);
    let text = "";
    for await (const event of stream) text += event.data.choices[0]?.delta.content ?? "";
    expect(text).toBe("abcdef");
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.attributes).toMatchObject({
      "gen_ai.request.stream": true,
      "gen_ai.response.finish_reasons": ["stop"],
      "gen_ai.usage.input_tokens": 4,
      "gen_ai.usage.output_tokens": 3,
      "sightline.stream.outcome": "completed",
    });
    expect(span?.attributes["gen_ai.response.time_to_first_chunk"]).toBeTypeOf("number");
  });
});

describe("fim", () => {
  it("fim.complete is a text_completion span", async () => {
    ctx.server.enqueue({ text: "return 1", usage: { inputTokens: 6, outputTokens: 2 } });
    const result = await ctx
      .observed({ captureContent: true })
      .fim.complete({ model: "codestral-latest", prompt: "def f():", suffix: "\n", maxTokens: 16 });
    expect(result.choices[0]?.message?.content).toBe("return 1");
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.name).toBe("text_completion codestral-latest");
    expect(span?.attributes).toMatchObject({
      "gen_ai.operation.name": "text_completion",
      "gen_ai.request.max_tokens": 16,
      "gen_ai.usage.input_tokens": 6,
      "gen_ai.usage.output_tokens": 2,
      "gen_ai.response.finish_reasons": ["stop"],
    });
    const input = JSON.parse(String(span?.attributes["gen_ai.input.messages"]));
    expect(input[0].parts[0]).toEqual({ type: "text", content: "def f():" });
  });

  it("fim.stream is followed like chat.stream", async () => {
    ctx.server.enqueue({ text: "return 1", chunks: 2 });
    const stream = await ctx.observed().fim.stream({ model: "codestral-latest", prompt: "def f():" });
    let chunks = 0;
    for await (const _event of stream) chunks++;
    expect(chunks).toBe(4);
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.attributes).toMatchObject({
      "gen_ai.operation.name": "text_completion",
      "gen_ai.request.stream": true,
      "sightline.stream.outcome": "completed",
    });
  });
});

describe("embeddings.create", () => {
  it("records an embeddings span with input tokens and the vector length", async () => {
    ctx.server.enqueue({ usage: { inputTokens: 9 } });
    const response = await ctx
      .observed()
      .embeddings.create({ model: "mistral-embed", inputs: ["first", "second"], outputDimension: 16 });
    expect(response.data).toHaveLength(2);
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.name).toBe("embeddings mistral-embed");
    expect(span?.attributes).toMatchObject({
      "gen_ai.operation.name": "embeddings",
      "gen_ai.provider.name": "mistral_ai",
      "gen_ai.usage.input_tokens": 9,
      "gen_ai.embeddings.dimension.count": 16,
    });
  });
});

describe("target", () => {
  it("a client without serverURL reports api.mistral.ai:443", async () => {
    const { Mistral } = await import("@mistralai/mistralai");
    const { detectMistralTarget } = await import("./detect-mistral-target.js");
    const client = new Mistral({ apiKey: "test" });
    expect(detectMistralTarget({ baseURL: client._baseURL })).toEqual({
      provider: "mistral_ai",
      serverAddress: "api.mistral.ai",
      serverPort: 443,
    });
  });
});

describe("agents", () => {
  it("agents.complete and agents.stream are chat spans with gen_ai.agent.id", async () => {
    const client = ctx.observed();
    const result = await client.agents.complete({ agentId: "ag_123", messages: userMessages });
    expect(result.model).toBe("mistral-medium-latest");
    for await (const _event of await client.agents.stream({ agentId: "ag_123", messages: userMessages })) {
      // drain
    }
    const spans = await waitForSpans(ctx.telemetry, 2);
    for (const span of spans) {
      expect(span.name).toBe("chat");
      expect(span.attributes).toMatchObject({
        "gen_ai.operation.name": "chat",
        "gen_ai.agent.id": "ag_123",
        "gen_ai.response.model": "mistral-medium-latest",
      });
    }
    expect(spans).toHaveLength(2);
    expect(spans.filter((span) => span.attributes["gen_ai.request.stream"] === true)).toHaveLength(1);
  });
});
