import { SpanKind, SpanStatusCode } from "@opentelemetry/api";
import { describe, expect, it } from "vitest";
import { OPENAI_VERSIONS, useOpenAITestContext, waitForSpans } from "../test-helpers.js";

const ctx = useOpenAITestContext();

describe.each(OPENAI_VERSIONS)("legacy completions with %s", (_label, OpenAIClass) => {
  it("records a text_completion span with usage, one finish reason per choice, and cost", async () => {
    // gpt-3.5-turbo-instruct: $1.50 / 1M input, $2.00 / 1M output.
    ctx.server.enqueue({ text: " Paris.", usage: { inputTokens: 1000, outputTokens: 500 } });
    const client = ctx.observed({}, OpenAIClass);
    const completion = await client.completions.create({
      model: "gpt-3.5-turbo-instruct",
      prompt: "The capital of France is",
      max_tokens: 20,
      temperature: 0,
      n: 2,
      stop: ["\n"],
    });
    expect(completion.choices.map((choice) => choice.text)).toEqual([" Paris.", " Paris."]);
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.name).toBe("text_completion gpt-3.5-turbo-instruct");
    expect(span?.kind).toBe(SpanKind.CLIENT);
    expect(span?.attributes).toMatchObject({
      "gen_ai.operation.name": "text_completion",
      "gen_ai.request.model": "gpt-3.5-turbo-instruct",
      "gen_ai.request.max_tokens": 20,
      "gen_ai.request.temperature": 0,
      "gen_ai.request.choice.count": 2,
      "gen_ai.request.stop_sequences": ["\n"],
      "gen_ai.response.id": completion.id,
      "gen_ai.response.model": completion.model,
      "gen_ai.response.finish_reasons": ["stop", "stop"],
      "gen_ai.usage.input_tokens": 1000,
      "gen_ai.usage.output_tokens": 500,
      "openai.api.type": "completions",
      "sightline.cost.match": "family",
      "sightline.cost.model": "gpt-3.5-turbo-instruct",
    });
    // 1000 × 1.50 / 1M + 500 × 2.00 / 1M
    expect(span?.attributes["gen_ai.usage.cost"]).toBeCloseTo(0.0025, 12);
  });

  it("follows a stream: each chunk reaches the caller, usage from the last chunk, length finish", async () => {
    ctx.server.enqueue({ text: "one two three", chunks: 3, finishReason: "length" });
    const client = ctx.observed({}, OpenAIClass);
    const stream = await client.completions.create({
      model: "gpt-3.5-turbo-instruct",
      prompt: "count",
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = "";
    let usageChunks = 0;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.text ?? "";
      if (chunk.usage) usageChunks += 1;
    }
    expect(text).toBe("one two three");
    expect(usageChunks).toBe(1);
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.attributes).toMatchObject({
      "gen_ai.request.stream": true,
      "gen_ai.response.finish_reasons": ["length"],
      "gen_ai.usage.output_tokens": 4,
      "sightline.stream.outcome": "completed",
    });
    expect(span?.attributes["gen_ai.response.time_to_first_chunk"]).toBeGreaterThanOrEqual(0);
    expect(span?.attributes["gen_ai.usage.cost"]).toBeGreaterThan(0);
  });

  it("with streamUsage: 'inject', asks for usage and hides the usage chunk from the caller", async () => {
    const client = ctx.observed({ streamUsage: "inject" }, OpenAIClass);
    const stream = await client.completions.create({ model: "davinci-002", prompt: "hi", stream: true });
    let usageChunks = 0;
    for await (const chunk of stream) if (chunk.usage) usageChunks += 1;
    expect(usageChunks).toBe(0);
    const body = ctx.server.requests[0]?.body as { stream_options?: { include_usage?: boolean } };
    expect(body.stream_options?.include_usage).toBe(true);
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.attributes["gen_ai.usage.input_tokens"]).toBeGreaterThan(0);
  });

  it("re-throws the SDK's own error and marks the span", async () => {
    ctx.server.enqueue({ status: 400 });
    const client = ctx.observed({}, OpenAIClass);
    const error = await client.completions
      .create({ model: "babbage-002", prompt: "x" })
      .catch((caught) => caught);
    expect(error).toBeInstanceOf(OpenAIClass.BadRequestError);
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.status.code).toBe(SpanStatusCode.ERROR);
    expect(span?.attributes["error.type"]).toBeDefined();
  });

  it("keeps withResponse() working", async () => {
    const client = ctx.observed({}, OpenAIClass);
    const { data, response } = await client.completions
      .create({ model: "gpt-3.5-turbo-instruct", prompt: "hi" })
      .withResponse();
    expect(response.status).toBe(200);
    expect(data.object).toBe("text_completion");
    await waitForSpans(ctx.telemetry, 1);
  });
});
