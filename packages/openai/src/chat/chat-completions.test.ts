import { SpanKind, SpanStatusCode } from "@opentelemetry/api";
import { describe, expect, it } from "vitest";
import { OPENAI_VERSIONS, useOpenAITestContext, waitForSpans } from "../test-helpers.js";

const ctx = useOpenAITestContext();

describe.each(OPENAI_VERSIONS)("chat.completions with %s", (label, OpenAIClass) => {
  it("records a plain call as one CLIENT span with semconv attributes", async () => {
    ctx.server.enqueue({ text: "Paris.", usage: { inputTokens: 21, outputTokens: 3, cachedInputTokens: 5 } });
    const client = ctx.observed({}, OpenAIClass);
    const completion = await client.chat.completions.create({
      model: "gpt-4o-mini",
      messages: [{ role: "user", content: "Capital of France?" }],
      temperature: 0.2,
      max_tokens: 50,
      stop: "\n\n",
      seed: 7,
    });
    expect(completion.choices[0]?.message.content).toBe("Paris.");

    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.name).toBe("chat gpt-4o-mini");
    expect(span?.kind).toBe(SpanKind.CLIENT);
    expect(span?.status.code).toBe(SpanStatusCode.UNSET);
    const url = new URL(ctx.server.openaiBaseURL);
    expect(span?.attributes).toMatchObject({
      "gen_ai.operation.name": "chat",
      "gen_ai.provider.name": "openai",
      "gen_ai.request.model": "gpt-4o-mini",
      "gen_ai.request.temperature": 0.2,
      "gen_ai.request.max_tokens": 50,
      "gen_ai.request.stop_sequences": ["\n\n"],
      "gen_ai.request.seed": 7,
      "gen_ai.response.id": completion.id,
      "gen_ai.response.model": completion.model,
      "gen_ai.response.finish_reasons": ["stop"],
      "gen_ai.usage.input_tokens": 21,
      "gen_ai.usage.output_tokens": 3,
      "gen_ai.usage.cache_read.input_tokens": 5,
      "openai.api.type": "chat_completions",
      "openai.response.system_fingerprint": "fp_mock",
      "server.address": url.hostname,
      "server.port": Number(url.port),
    });
    expect(span?.attributes["gen_ai.request.stream"]).toBeUndefined();
    expect(span?.attributes["gen_ai.input.messages"]).toBeUndefined();
  });

  it("records duration and token usage metrics with semconv buckets", async () => {
    ctx.server.enqueue({ usage: { inputTokens: 100, outputTokens: 40 } });
    const client = ctx.observed({}, OpenAIClass);
    const model = `metric-model-${label}`;
    await client.chat.completions.create({ model, messages: [{ role: "user", content: "hi" }] });
    await waitForSpans(ctx.telemetry, 1);

    const durations = (await ctx.telemetry.metricPoints("gen_ai.client.operation.duration")).filter(
      (point) => point.attributes["gen_ai.request.model"] === model,
    );
    expect(durations).toHaveLength(1);
    expect(durations[0]?.count).toBe(1);
    expect(durations[0]?.boundaries?.slice(0, 3)).toEqual([0.01, 0.02, 0.04]);
    expect(durations[0]?.attributes).toMatchObject({
      "gen_ai.operation.name": "chat",
      "gen_ai.provider.name": "openai",
    });

    const tokens = (await ctx.telemetry.metricPoints("gen_ai.client.token.usage")).filter(
      (point) => point.attributes["gen_ai.request.model"] === model,
    );
    const byType = Object.fromEntries(
      tokens.map((point) => [point.attributes["gen_ai.token.type"], point.sum]),
    );
    expect(byType).toEqual({ input: 100, output: 40 });
    expect(tokens[0]?.boundaries?.slice(0, 3)).toEqual([1, 4, 16]);
  });

  it("maps tool calls and their finish reason", async () => {
    ctx.server.enqueue({ toolCalls: [{ id: "call_1", name: "get_weather", arguments: '{"city":"Oslo"}' }] });
    const client = ctx.observed({ captureContent: true }, OpenAIClass);
    const completion = await client.chat.completions.create({
      model: "gpt-4o",
      messages: [{ role: "user", content: "Weather in Oslo?" }],
      tools: [{ type: "function", function: { name: "get_weather", parameters: { type: "object" } } }],
    });
    expect(completion.choices[0]?.message.tool_calls?.[0]?.id).toBe("call_1");
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.attributes["gen_ai.response.finish_reasons"]).toEqual(["tool_calls"]);
    const output = JSON.parse(String(span?.attributes["gen_ai.output.messages"]));
    expect(output).toEqual([
      {
        role: "assistant",
        parts: [{ type: "tool_call", id: "call_1", name: "get_weather", arguments: { city: "Oslo" } }],
        finish_reason: "tool_call",
      },
    ]);
    const tools = JSON.parse(String(span?.attributes["gen_ai.tool.definitions"]));
    expect(tools).toEqual([{ type: "function", name: "get_weather", parameters: { type: "object" } }]);
  });

  it("re-throws a 429 as the SDK's own error object and marks the span", async () => {
    ctx.server.enqueue({ status: 429 });
    const raw = ctx.raw(OpenAIClass);
    const client = ctx.observed({}, OpenAIClass);
    const error = await client.chat.completions
      .create({ model: "gpt-4o", messages: [{ role: "user", content: "hi" }] })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAIClass.RateLimitError);
    expect((error as { status: number }).status).toBe(429);
    // The raw client sees the same class of error, so nothing was re-wrapped.
    ctx.server.enqueue({ status: 429 });
    const rawError = await raw.chat.completions
      .create({ model: "gpt-4o", messages: [{ role: "user", content: "hi" }] })
      .catch((caught: unknown) => caught);
    expect(Object.getPrototypeOf(error)).toBe(Object.getPrototypeOf(rawError));

    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.status.code).toBe(SpanStatusCode.ERROR);
    expect(span?.attributes["error.type"]).toBe("RateLimitError");
    expect(span?.attributes["http.response.status_code"]).toBe(429);
    expect(span?.events.some((event) => event.name === "exception")).toBe(true);
  });

  it("parse() goes through the wrapper once and keeps its parsed result", async () => {
    const client = ctx.observed({}, OpenAIClass);
    const completion = await client.chat.completions.parse({
      model: "gpt-4o",
      messages: [{ role: "user", content: "Give me a city" }],
      response_format: {
        type: "json_schema",
        json_schema: {
          name: "city",
          strict: true,
          schema: {
            type: "object",
            properties: { city: { type: "string" } },
            required: ["city"],
            additionalProperties: false,
          },
        },
      },
    });
    expect(typeof completion.choices[0]?.message.parsed).toBe("object");
    const spans = await waitForSpans(ctx.telemetry, 1);
    expect(spans).toHaveLength(1);
    expect(spans[0]?.attributes["gen_ai.output.type"]).toBe("json");
  });
});
