import type { MessageCreateParamsNonStreaming } from "@anthropic-ai/sdk/resources/messages";
import { SpanKind, SpanStatusCode } from "@opentelemetry/api";
import { describe, expect, it } from "vitest";
import { ANTHROPIC_VERSIONS, settle, useAnthropicTestContext, waitForSpans } from "../test-helpers.js";

const ctx = useAnthropicTestContext();
const messages = [{ role: "user" as const, content: "Capital of France?" }];

describe.each(ANTHROPIC_VERSIONS)("messages.create with %s", (label, AnthropicClass) => {
  it("records a plain call as one CLIENT span with semconv attributes", async () => {
    ctx.server.enqueue({
      text: "Paris.",
      usage: { inputTokens: 21, outputTokens: 3, cachedInputTokens: 5, cacheCreationInputTokens: 7 },
    });
    const client = ctx.observed({}, AnthropicClass);
    // 1.x dropped the sampling fields from its types; 0.x still sends them, and both pass them through.
    const params = {
      model: "claude-sonnet-4-20250514",
      max_tokens: 50,
      messages,
      temperature: 0.2,
      top_p: 0.9,
      top_k: 40,
      stop_sequences: ["\n\n"],
    } as unknown as MessageCreateParamsNonStreaming;
    const message = await client.messages.create(params);
    expect(message.content[0]).toMatchObject({ type: "text", text: "Paris." });
    const spans = await waitForSpans(ctx.telemetry, 1);
    await settle();
    expect(ctx.telemetry.spans()).toHaveLength(1);
    const span = spans[0];
    expect(span?.name).toBe("chat claude-sonnet-4-20250514");
    expect(span?.kind).toBe(SpanKind.CLIENT);
    expect(span?.instrumentationScope.name).toBe("@sightline/anthropic");
    const url = new URL(ctx.server.url);
    expect(span?.attributes).toMatchObject({
      "gen_ai.operation.name": "chat",
      "gen_ai.provider.name": "anthropic",
      "gen_ai.request.model": "claude-sonnet-4-20250514",
      "gen_ai.request.max_tokens": 50,
      "gen_ai.request.temperature": 0.2,
      "gen_ai.request.top_p": 0.9,
      "gen_ai.request.top_k": 40,
      "gen_ai.request.stop_sequences": ["\n\n"],
      "gen_ai.response.id": message.id,
      "gen_ai.response.model": message.model,
      "gen_ai.response.finish_reasons": ["end_turn"],
      // Semconv input includes both cache counts: 21 + 5 + 7.
      "gen_ai.usage.input_tokens": 33,
      "gen_ai.usage.output_tokens": 3,
      "gen_ai.usage.cache_read.input_tokens": 5,
      "gen_ai.usage.cache_creation.input_tokens": 7,
      "server.address": url.hostname,
      "server.port": Number(url.port),
    });
    expect(span?.attributes["gen_ai.request.stream"]).toBeUndefined();
    expect(span?.attributes["gen_ai.input.messages"]).toBeUndefined();
  });

  it("sends the auth header of its SDK generation", async () => {
    const client = ctx.observed({}, AnthropicClass);
    await client.messages.create({ model: "claude-x", max_tokens: 5, messages });
    const headers = ctx.server.requests.at(-1)?.headers ?? {};
    if (label === "sdk 1.x") expect(headers.authorization).toBe("Bearer test-key");
    else expect(headers["x-api-key"]).toBe("test-key");
  });

  it("counts tokens once in metrics, input including cache", async () => {
    ctx.server.enqueue({ usage: { inputTokens: 100, outputTokens: 40, cachedInputTokens: 20 } });
    const client = ctx.observed({}, AnthropicClass);
    const model = `metric-model-${label}`;
    await client.messages.create({ model, max_tokens: 5, messages });
    await waitForSpans(ctx.telemetry, 1);
    const tokens = (await ctx.telemetry.metricPoints("gen_ai.client.token.usage")).filter(
      (point) => point.attributes["gen_ai.request.model"] === model,
    );
    const byType = Object.fromEntries(
      tokens.map((point) => [point.attributes["gen_ai.token.type"], point.sum]),
    );
    expect(byType).toEqual({ input: 120, output: 40 });
    expect(tokens.every((point) => point.count === 1)).toBe(true);
  });

  it("maps a tool use round trip and its stop reason", async () => {
    ctx.server.enqueue(
      { toolCalls: [{ id: "toolu_1", name: "get_weather", arguments: '{"city":"Oslo"}' }] },
      { text: "It is sunny." },
    );
    const client = ctx.observed({ captureContent: true }, AnthropicClass);
    const tools = [
      {
        name: "get_weather",
        description: "Weather by city",
        input_schema: { type: "object" as const, properties: { city: { type: "string" } } },
      },
    ];
    const first = await client.messages.create({ model: "claude-x", max_tokens: 100, messages, tools });
    expect(first.stop_reason).toBe("tool_use");
    const toolUse = first.content.find((block) => block.type === "tool_use");
    expect(toolUse).toMatchObject({ id: "toolu_1", input: { city: "Oslo" } });
    const [firstSpan] = await waitForSpans(ctx.telemetry, 1);
    expect(firstSpan?.attributes["gen_ai.response.finish_reasons"]).toEqual(["tool_use"]);
    expect(JSON.parse(String(firstSpan?.attributes["gen_ai.output.messages"]))).toEqual([
      {
        role: "assistant",
        parts: [{ type: "tool_call", id: "toolu_1", name: "get_weather", arguments: { city: "Oslo" } }],
        finish_reason: "tool_call",
      },
    ]);
    expect(JSON.parse(String(firstSpan?.attributes["gen_ai.tool.definitions"]))).toEqual([
      {
        type: "function",
        name: "get_weather",
        description: "Weather by city",
        parameters: { type: "object", properties: { city: { type: "string" } } },
      },
    ]);
    ctx.telemetry.resetSpans();
    await client.messages.create({
      model: "claude-x",
      max_tokens: 100,
      tools,
      messages: [
        ...messages,
        { role: "assistant", content: first.content },
        { role: "user", content: [{ type: "tool_result", tool_use_id: "toolu_1", content: "sunny" }] },
      ],
    });
    const [secondSpan] = await waitForSpans(ctx.telemetry, 1);
    const input = JSON.parse(String(secondSpan?.attributes["gen_ai.input.messages"]));
    expect(input[1]).toEqual({
      role: "assistant",
      parts: [{ type: "tool_call", id: "toolu_1", name: "get_weather", arguments: { city: "Oslo" } }],
    });
    expect(input[2]).toEqual({
      role: "tool",
      parts: [{ type: "tool_call_response", id: "toolu_1", response: "sunny" }],
    });
  });

  it("records thinking blocks as reasoning parts", async () => {
    ctx.server.enqueue({ thinking: "Paris is the capital.", text: "Paris." });
    const client = ctx.observed({ captureContent: true }, AnthropicClass);
    const message = await client.messages.create({
      model: "claude-x",
      max_tokens: 2048,
      thinking: { type: "enabled", budget_tokens: 1024 },
      messages,
    });
    expect(message.content[0]?.type).toBe("thinking");
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(JSON.parse(String(span?.attributes["gen_ai.output.messages"]))[0].parts).toEqual([
      { type: "reasoning", content: "Paris is the capital." },
      { type: "text", content: "Paris." },
    ]);
  });

  // 429 and 500 pass through as every provider's errors do (conformance.test.ts); 529 is Anthropic's own.
  it("re-throws a 529 as the SDK's own error object and marks the span", async () => {
    ctx.server.enqueue({ status: 529 });
    const client = ctx.observed({}, AnthropicClass);
    const error = await client.messages
      .create({ model: "claude-x", max_tokens: 5, messages })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AnthropicClass.APIError);
    expect((error as { status: number }).status).toBe(529);
    ctx.server.enqueue({ status: 529 });
    const rawError = await ctx
      .raw(AnthropicClass)
      .messages.create({ model: "claude-x", max_tokens: 5, messages })
      .catch((caught: unknown) => caught);
    expect(Object.getPrototypeOf(error)).toBe(Object.getPrototypeOf(rawError));
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.status.code).toBe(SpanStatusCode.ERROR);
    // 0.x has no OverloadedError class: a 529 is an InternalServerError there.
    expect(span?.attributes["error.type"]).toBe(
      label === "sdk 1.x" ? "OverloadedError" : "InternalServerError",
    );
    expect(span?.attributes["http.response.status_code"]).toBe(529);
  });

  it("records countTokens as its own small span, without usage", async () => {
    ctx.server.enqueue({ usage: { inputTokens: 42 } });
    const client = ctx.observed({}, AnthropicClass);
    const model = `count-${label}`;
    const count = await client.messages.countTokens({ model, messages });
    expect(count.input_tokens).toBe(42);
    const spans = await waitForSpans(ctx.telemetry, 1);
    await settle();
    expect(ctx.telemetry.spans()).toHaveLength(1);
    expect(spans[0]?.name).toBe(`count_tokens ${model}`);
    expect(spans[0]?.attributes).toMatchObject({
      "gen_ai.operation.name": "count_tokens",
      "anthropic.message.count_tokens.input_tokens": 42,
    });
    expect(spans[0]?.attributes["gen_ai.usage.input_tokens"]).toBeUndefined();
    const tokens = (await ctx.telemetry.metricPoints("gen_ai.client.token.usage")).filter(
      (point) => point.attributes["gen_ai.request.model"] === model,
    );
    expect(tokens).toEqual([]);
  });

  it("beta.messages.create shares the shape and gives one span", async () => {
    ctx.server.enqueue({ text: "beta", usage: { inputTokens: 4, outputTokens: 2 } });
    const client = ctx.observed({}, AnthropicClass);
    const message = await client.beta.messages.create({ model: "claude-x", max_tokens: 5, messages });
    expect(message.content[0]).toMatchObject({ text: "beta" });
    const [span] = await waitForSpans(ctx.telemetry, 1);
    await settle();
    expect(ctx.telemetry.spans()).toHaveLength(1);
    expect(span?.attributes).toMatchObject({
      "gen_ai.usage.input_tokens": 4,
      "gen_ai.usage.output_tokens": 2,
    });
  });
});
