import { describe, expect, it } from "vitest";
import { OPENAI_VERSIONS, useOpenAITestContext, waitForSpans } from "../test-helpers.js";

// Streams, errors and everything else every provider keeps: conformance.test.ts (a Responses adapter too).
const ctx = useOpenAITestContext();

describe.each(OPENAI_VERSIONS)("responses with %s", (_label, OpenAIClass) => {
  it("records a plain call with usage, cached and reasoning tokens", async () => {
    ctx.server.enqueue({
      text: "42",
      usage: { inputTokens: 30, outputTokens: 20, cachedInputTokens: 10, reasoningTokens: 12 },
    });
    const client = ctx.observed({}, OpenAIClass);
    const response = await client.responses.create({
      model: "o4-mini",
      input: "What is 6 × 7?",
      instructions: "Answer tersely.",
      max_output_tokens: 100,
    });
    expect(response.output_text).toBe("42");
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.name).toBe("chat o4-mini");
    expect(span?.attributes).toMatchObject({
      "openai.api.type": "responses",
      "gen_ai.request.max_tokens": 100,
      "gen_ai.response.id": response.id,
      "gen_ai.response.finish_reasons": ["stop"],
      "gen_ai.usage.input_tokens": 30,
      "gen_ai.usage.output_tokens": 20,
      "gen_ai.usage.cache_read.input_tokens": 10,
      "gen_ai.usage.reasoning.output_tokens": 12,
    });
  });

  it("captures instructions separately from input when content capture is on", async () => {
    ctx.server.enqueue({ text: "Bonjour" });
    const client = ctx.observed({ captureContent: true }, OpenAIClass);
    await client.responses.create({
      model: "gpt-4.1",
      input: "Say hello in French",
      instructions: "Be brief.",
    });
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(JSON.parse(String(span?.attributes["gen_ai.system_instructions"]))).toEqual([
      { type: "text", content: "Be brief." },
    ]);
    expect(JSON.parse(String(span?.attributes["gen_ai.input.messages"]))).toEqual([
      { role: "user", parts: [{ type: "text", content: "Say hello in French" }] },
    ]);
    expect(JSON.parse(String(span?.attributes["gen_ai.output.messages"]))).toEqual([
      { role: "assistant", parts: [{ type: "text", content: "Bonjour" }], finish_reason: "stop" },
    ]);
  });

  it("the responses.stream() helper keeps its events and finalResponse()", async () => {
    ctx.server.enqueue({ text: "helper", chunks: 2 });
    const client = ctx.observed({}, OpenAIClass);
    const runner = client.responses.stream({ model: "gpt-4.1", input: "hi" });
    const deltas: string[] = [];
    runner.on("response.output_text.delta", (event) => deltas.push(event.delta));
    const final = await runner.finalResponse();
    expect(final.output_text).toBe("helper");
    expect(deltas.join("")).toBe("helper");
    const spans = await waitForSpans(ctx.telemetry, 1);
    expect(spans).toHaveLength(1);
  });

  it("responses.parse() goes through the wrapper once and keeps its parsed output", async () => {
    const client = ctx.observed({}, OpenAIClass);
    const response = await client.responses.parse({
      model: "gpt-4.1",
      input: "Give me a city",
      text: {
        format: {
          type: "json_schema",
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
    expect(typeof response.output_parsed).toBe("object");
    const spans = await waitForSpans(ctx.telemetry, 1);
    expect(spans).toHaveLength(1);
    expect(spans[0]?.attributes["gen_ai.output.type"]).toBe("json");
    expect(spans[0]?.attributes["gen_ai.response.id"]).toBe(response.id);
  });

  it("maps an incomplete response to a length finish reason", async () => {
    ctx.server.enqueue({ finishReason: "max_output_tokens" });
    const client = ctx.observed({}, OpenAIClass);
    await client.responses.create({ model: "gpt-4.1", input: "hi" });
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.attributes["gen_ai.response.finish_reasons"]).toEqual(["length"]);
  });
});
