import { SpanKind, SpanStatusCode } from "@opentelemetry/api";
import { describe, expect, it } from "vitest";
import { OPENAI_VERSIONS, useOpenAITestContext, waitForSpans } from "../test-helpers.js";

// Metrics and errors every provider shares: conformance.test.ts.
const ctx = useOpenAITestContext();

describe.each(OPENAI_VERSIONS)("chat.completions with %s", (_label, OpenAIClass) => {
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
