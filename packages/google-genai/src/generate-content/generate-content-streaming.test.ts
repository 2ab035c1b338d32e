import { SpanStatusCode } from "@opentelemetry/api";
import { describe, expect, it } from "vitest";
import { useGoogleGenAITestContext, waitForSpans } from "../test-helpers.js";

// Breaks, aborts, abandoned, cut, malformed and errored streams: conformance.test.ts.
const ctx = useGoogleGenAITestContext();
const request = { model: "gemini-x", contents: "Tell me a story" };

describe("models.generateContentStream", () => {
  it("yields every chunk and records usage, finish reason and chunk timings", async () => {
    ctx.server.enqueue({
      text: "Once upon a time there was a mock.",
      chunks: 6,
      usage: { inputTokens: 12, outputTokens: 9, reasoningTokens: 2 },
    });
    const ai = ctx.observed();
    const stream = await ai.models.generateContentStream({ ...request, model: "gemini-stream" });
    let text = "";
    let chunks = 0;
    for await (const chunk of stream) {
      chunks++;
      text += chunk.text ?? "";
    }
    expect(text).toBe("Once upon a time there was a mock.");
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.name).toBe("generate_content gemini-stream");
    expect(span?.attributes).toMatchObject({
      "gen_ai.request.stream": true,
      "gen_ai.response.finish_reasons": ["STOP"],
      "gen_ai.response.id": expect.stringMatching(/^resp_mock_/),
      "gen_ai.usage.input_tokens": 12,
      "gen_ai.usage.output_tokens": 11,
      "gen_ai.usage.reasoning.output_tokens": 2,
      "sightline.stream.outcome": "completed",
      "sightline.stream.chunks": chunks,
    });
    expect(span?.attributes["gen_ai.response.time_to_first_chunk"]).toBeGreaterThan(0);
  });

  it("records a blocked prompt's reason on a streamed call", async () => {
    ctx.server.enqueue({ blockReason: "PROHIBITED_CONTENT" });
    const ai = ctx.observed();
    for await (const _chunk of await ai.models.generateContentStream(request)) {
      // drain
    }
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.status.code).toBe(SpanStatusCode.UNSET);
    expect(span?.attributes["gcp.gemini.prompt_feedback.block_reason"]).toBe("PROHIBITED_CONTENT");
  });

  it("captures streamed thoughts, text and function calls when content capture is on", async () => {
    ctx.server.enqueue({
      thinking: "Let me think.",
      text: "Checking.",
      toolCalls: [{ name: "lookup", arguments: '{"q":"mock"}' }],
      chunks: 3,
    });
    const ai = ctx.observed({ captureContent: true });
    for await (const _chunk of await ai.models.generateContentStream(request)) {
      // drain
    }
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(JSON.parse(String(span?.attributes["gen_ai.output.messages"]))).toEqual([
      {
        role: "assistant",
        parts: [
          { type: "reasoning", content: "Let me think." },
          { type: "text", content: "Checking." },
          { type: "tool_call", name: "lookup", arguments: { q: "mock" } },
        ],
        finish_reason: "tool_call",
      },
    ]);
  });
});
