import { SpanStatusCode } from "@opentelemetry/api";
import { createPriceRegistry } from "@sightline/core";
import { CohereError } from "cohere-ai";
import { describe, expect, it } from "vitest";
import { detectCohereTarget } from "./detect-cohere-target.js";
import { mapCohereFinishReason } from "./map-cohere-finish-reason.js";
import { useCohereTestContext, waitForSpans } from "./test-helpers.js";

const ctx = useCohereTestContext();
const messages = [{ role: "user" as const, content: "hi" }];

describe("observeCohere chat", () => {
  it("records billed tokens, the raw tokens, the mapped finish reason and the server", async () => {
    ctx.server.enqueue({ usage: { inputTokens: 7, outputTokens: 3 }, finishReason: "MAX_TOKENS" });
    const response = await ctx
      .observed()
      .chat({ model: "command-a-03-2025", messages, maxTokens: 3, k: 5, p: 0.5 });
    expect(response.finishReason).toBe("MAX_TOKENS");
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.name).toBe("chat command-a-03-2025");
    expect(span?.attributes).toMatchObject({
      "gen_ai.provider.name": "cohere",
      "gen_ai.request.max_tokens": 3,
      "gen_ai.request.top_k": 5,
      "gen_ai.request.top_p": 0.5,
      "gen_ai.response.finish_reasons": ["length"],
      "sightline.cohere.response.finish_reason": "MAX_TOKENS",
      "gen_ai.usage.input_tokens": 7,
      "gen_ai.usage.output_tokens": 3,
      "sightline.cohere.usage.tokens.input_tokens": 7,
      "server.address": "127.0.0.1",
    });
  });

  it("captures messages, tool calls and the output when on", async () => {
    ctx.server.enqueue({ toolCalls: [{ id: "call_1", name: "lookup", arguments: '{"q":"x"}' }] });
    await ctx.observed({ captureContent: true }).chat({
      model: "command-r-08-2024",
      messages: [{ role: "system", content: "be brief" }, ...messages],
      tools: [{ type: "function", function: { name: "lookup", parameters: { type: "object" } } }],
    });
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.attributes["gen_ai.response.finish_reasons"]).toEqual(["tool_call"]);
    expect(JSON.parse(String(span?.attributes["gen_ai.system_instructions"]))).toEqual([
      { type: "text", content: "be brief" },
    ]);
    expect(JSON.parse(String(span?.attributes["gen_ai.output.messages"]))).toEqual([
      {
        role: "assistant",
        parts: [{ type: "tool_call", id: "call_1", name: "lookup", arguments: '{"q":"x"}' }],
        finish_reason: "tool_call",
      },
    ]);
  });

  it("follows chatStream's typed events to message-end's usage", async () => {
    ctx.server.enqueue({ text: "one two three", chunks: 3, usage: { inputTokens: 5, outputTokens: 3 } });
    const stream = await ctx.observed().chatStream({ model: "command-a-03-2025", messages });
    const types: string[] = [];
    for await (const event of stream) types.push(event.type ?? "");
    expect(types).toEqual([
      "message-start",
      "content-start",
      "content-delta",
      "content-delta",
      "content-delta",
      "content-end",
      "message-end",
    ]);
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.attributes).toMatchObject({
      "gen_ai.request.stream": true,
      "gen_ai.response.id": expect.stringMatching(/^cohere-mock-/),
      "gen_ai.response.finish_reasons": ["stop"],
      "gen_ai.usage.input_tokens": 5,
      "gen_ai.usage.output_tokens": 3,
    });
  });

  it("keeps the SDK's HttpResponsePromise, so withRawResponse() still works, with one span", async () => {
    const { data, rawResponse } = await ctx
      .observed()
      .chat({ model: "command-a-03-2025", messages })
      .withRawResponse();
    expect(rawResponse.status).toBe(200);
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.attributes["gen_ai.response.id"]).toBe(data.id);
  });

  it("rethrows the SDK's own error and records its status code", async () => {
    ctx.server.enqueue({ status: 429 });
    const error = await ctx
      .observed()
      .chat({ model: "command-a-03-2025", messages })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CohereError);
    expect((error as CohereError).statusCode).toBe(429);
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.status.code).toBe(SpanStatusCode.ERROR);
    expect(span?.attributes["http.response.status_code"]).toBe(429);
    expect(span?.attributes["error.type"]).toBe((error as Error).constructor.name);
  });
});

describe("observeCohere embed and rerank", () => {
  it("records an embeddings span with the vector length, input tokens and cost", async () => {
    ctx.server.enqueue({ usage: { inputTokens: 1_000_000 } });
    const response = await ctx.observed().embed({
      model: "embed-v4.0",
      texts: ["first", "second"],
      inputType: "search_document",
      embeddingTypes: ["float"],
      outputDimension: 256,
    });
    expect(response.embeddings.float).toHaveLength(2);
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.name).toBe("embeddings embed-v4.0");
    expect(span?.attributes).toMatchObject({
      "gen_ai.operation.name": "embeddings",
      "gen_ai.embeddings.dimension.count": 256,
      "gen_ai.request.encoding_formats": ["float"],
      "sightline.cohere.embed.input_type": "search_document",
      "gen_ai.usage.input_tokens": 1_000_000,
    });
    expect(span?.attributes["gen_ai.usage.cost"]).toBeCloseTo(0.12, 10);
  });

  it("records rerank as its own operation, priced per search unit", async () => {
    ctx.server.enqueue({ usage: { inputTokens: 500 } });
    const response = await ctx.observed().rerank({
      model: "rerank-v3.5",
      query: "red apple",
      documents: ["a banana", "a red apple", "an apple"],
      topN: 2,
    });
    expect(response.results.map((result) => result.index)).toEqual([1, 2]);
    expect(response.meta?.billedUnits?.searchUnits).toBe(500);
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.name).toBe("rerank rerank-v3.5");
    expect(span?.attributes).toMatchObject({
      "gen_ai.operation.name": "rerank",
      "gen_ai.provider.name": "cohere",
      "sightline.cohere.rerank.documents.count": 3,
      "sightline.cohere.rerank.top_n": 2,
      "sightline.cohere.rerank.results.count": 2,
      "sightline.cost.match": "exact",
    });
    // 500 searches at 2.00 USD per 1,000.
    expect(span?.attributes["gen_ai.usage.cost"]).toBeCloseTo(1, 10);
    expect(span?.attributes["gen_ai.usage.input_tokens"]).toBeUndefined();
  });

  it("leaves an unknown rerank model unpriced, never at zero", async () => {
    await ctx
      .observed({ cost: { registry: createPriceRegistry() } })
      .rerank({ model: "rerank-unknown", query: "q", documents: ["d"] });
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.attributes["sightline.cost.match"]).toBe("unpriced");
    expect(span?.attributes["gen_ai.usage.cost"]).toBeUndefined();
  });
});

describe("cohere target and finish reasons", () => {
  it("reads the server from baseUrl, then environment, then Cohere's default", () => {
    expect(detectCohereTarget({ client: { _options: { baseUrl: "https://proxy.example:8443/c" } } })).toEqual(
      {
        provider: "cohere",
        serverAddress: "proxy.example",
        serverPort: 8443,
      },
    );
    expect(
      detectCohereTarget({
        client: { _options: { environment: "https://eu.cohere.example" } },
        providerName: "x",
      }),
    ).toMatchObject({ provider: "x", serverAddress: "eu.cohere.example" });
    expect(detectCohereTarget({ client: {} })).toMatchObject({ serverAddress: "api.cohere.com" });
  });

  it("maps every v2 finish reason to its semconv value", () => {
    expect(
      ["COMPLETE", "STOP_SEQUENCE", "MAX_TOKENS", "TOOL_CALL", "ERROR", "OTHER"].map(mapCohereFinishReason),
    ).toEqual(["stop", "stop", "length", "tool_call", "error", "other"]);
    expect(mapCohereFinishReason(undefined)).toBeUndefined();
  });
});
