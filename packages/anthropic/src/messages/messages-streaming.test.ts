import { describe, expect, it } from "vitest";
import { ANTHROPIC_VERSIONS, settle, useAnthropicTestContext, waitForSpans } from "../test-helpers.js";

// Breaks, aborts, abandoned, cut, malformed and errored streams: conformance.test.ts.
const ctx = useAnthropicTestContext();
const messages = [{ role: "user" as const, content: "Tell me a story" }];
const base = { max_tokens: 100, messages };

describe.each(ANTHROPIC_VERSIONS)("streamed messages with %s", (label, AnthropicClass) => {
  it("passes every event through and records usage, stop reason and chunk timings", async () => {
    ctx.server.enqueue({
      text: "Once upon a time there was a mock.",
      chunks: 6,
      usage: { inputTokens: 12, outputTokens: 9, cachedInputTokens: 3 },
    });
    const client = ctx.observed({}, AnthropicClass);
    const model = `stream-${label}`;
    const stream = await client.messages.create({ ...base, model, stream: true });
    let text = "";
    let events = 0;
    for await (const event of stream) {
      events++;
      if (event.type === "content_block_delta" && event.delta.type === "text_delta") text += event.delta.text;
    }
    expect(text).toBe("Once upon a time there was a mock.");
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.attributes).toMatchObject({
      "gen_ai.request.stream": true,
      "gen_ai.response.finish_reasons": ["end_turn"],
      "gen_ai.response.id": expect.stringMatching(/^msg_mock_/),
      "gen_ai.usage.input_tokens": 15,
      "gen_ai.usage.output_tokens": 9,
      "gen_ai.usage.cache_read.input_tokens": 3,
      "sightline.stream.outcome": "completed",
      "sightline.stream.chunks": events,
    });
    expect(span?.attributes["gen_ai.response.time_to_first_chunk"]).toBeGreaterThan(0);
    const perChunk = (
      await ctx.telemetry.metricPoints("gen_ai.client.operation.time_per_output_chunk")
    ).filter((point) => point.attributes["gen_ai.request.model"] === model);
    expect(perChunk.reduce((sum, point) => sum + (point.count ?? 0), 0)).toBe(5);
  });

  it("the messages.stream() helper keeps its events and finalMessage(), with one span", async () => {
    ctx.server.enqueue({ text: "helper text", chunks: 3, usage: { inputTokens: 6, outputTokens: 2 } });
    const client = ctx.observed({}, AnthropicClass);
    const helper = client.messages.stream({ ...base, model: "claude-x" });
    const deltas: string[] = [];
    helper.on("text", (delta) => deltas.push(delta));
    const final = await helper.finalMessage();
    expect(final.content[0]).toMatchObject({ type: "text", text: "helper text" });
    expect(deltas.join("")).toBe("helper text");
    const spans = await waitForSpans(ctx.telemetry, 1);
    await settle();
    expect(ctx.telemetry.spans()).toHaveLength(1);
    expect(spans[0]?.attributes).toMatchObject({
      "sightline.stream.outcome": "completed",
      "gen_ai.usage.input_tokens": 6,
      "gen_ai.usage.output_tokens": 2,
    });
  });

  it("abort() on the messages.stream() helper ends the span as aborted", async () => {
    ctx.server.enqueue({ chunks: 20, chunkDelayMs: 10 });
    const client = ctx.observed({}, AnthropicClass);
    const helper = client.messages.stream({ ...base, model: "claude-x" });
    let seen = 0;
    helper.on("text", () => {
      if (++seen === 2) helper.abort();
    });
    const error = await helper.finalMessage().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AnthropicClass.APIUserAbortError);
    const [span] = await waitForSpans(ctx.telemetry, 1);
    await settle();
    expect(ctx.telemetry.spans()).toHaveLength(1);
    expect(span?.attributes["sightline.stream.outcome"]).toBe("aborted");
  });

  it("captures streamed thinking, text and tool input when content capture is on", async () => {
    ctx.server.enqueue({
      thinking: "Let me think.",
      text: "Checking.",
      toolCalls: [{ id: "toolu_9", name: "lookup", arguments: '{"q":"mock"}' }],
      chunks: 3,
    });
    const client = ctx.observed({ captureContent: true }, AnthropicClass);
    const stream = await client.messages.create({ ...base, model: "claude-x", stream: true });
    for await (const _event of stream) {
      // drain
    }
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.attributes["gen_ai.response.finish_reasons"]).toEqual(["tool_use"]);
    expect(JSON.parse(String(span?.attributes["gen_ai.output.messages"]))).toEqual([
      {
        role: "assistant",
        parts: [
          { type: "reasoning", content: "Let me think." },
          { type: "text", content: "Checking." },
          { type: "tool_call", id: "toolu_9", name: "lookup", arguments: { q: "mock" } },
        ],
        finish_reason: "tool_call",
      },
    ]);
  });
});
