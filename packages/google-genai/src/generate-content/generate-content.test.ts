import { GoogleGenAI } from "@google/genai";
import { SpanKind, SpanStatusCode } from "@opentelemetry/api";
import { describe, expect, it } from "vitest";
import { observeGoogleGenAI } from "../observe-google-genai.js";
import { settle, useGoogleGenAITestContext, waitForSpans } from "../test-helpers.js";

// Errors re-thrown, the same client and double wrapping: conformance.test.ts.
const ctx = useGoogleGenAITestContext();

describe("models.generateContent", () => {
  it("records a call as one CLIENT span with semconv attributes and usage from usageMetadata", async () => {
    ctx.server.enqueue({
      text: "Paris.",
      usage: {
        inputTokens: 20,
        outputTokens: 3,
        cachedInputTokens: 8,
        reasoningTokens: 5,
        toolUsePromptTokens: 4,
      },
    });
    const ai = ctx.observed();
    const response = await ai.models.generateContent({
      model: "gemini-2.5-flash",
      contents: "Capital of France?",
      config: { temperature: 0.3, topP: 0.8, topK: 20, maxOutputTokens: 64, stopSequences: ["END"], seed: 3 },
    });
    expect(response.text).toBe("Paris.");
    const spans = await waitForSpans(ctx.telemetry, 1);
    await settle();
    expect(ctx.telemetry.spans()).toHaveLength(1);
    const span = spans[0];
    expect(span?.name).toBe("generate_content gemini-2.5-flash");
    expect(span?.kind).toBe(SpanKind.CLIENT);
    const url = new URL(ctx.server.url);
    expect(span?.attributes).toMatchObject({
      "gen_ai.operation.name": "generate_content",
      "gen_ai.provider.name": "gcp.gemini",
      "gen_ai.request.model": "gemini-2.5-flash",
      "gen_ai.request.temperature": 0.3,
      "gen_ai.request.top_p": 0.8,
      "gen_ai.request.top_k": 20,
      "gen_ai.request.max_tokens": 64,
      "gen_ai.request.stop_sequences": ["END"],
      "gen_ai.request.seed": 3,
      "gen_ai.response.id": response.responseId,
      "gen_ai.response.model": "gemini-2.5-flash",
      "gen_ai.response.finish_reasons": ["STOP"],
      // prompt (cached included) + tool-use prompt; candidates + thoughts
      "gen_ai.usage.input_tokens": 24,
      "gen_ai.usage.output_tokens": 8,
      "gen_ai.usage.cache_read.input_tokens": 8,
      "gen_ai.usage.reasoning.output_tokens": 5,
      "server.address": url.hostname,
      "server.port": Number(url.port),
    });
    expect(span?.attributes["gen_ai.request.stream"]).toBeUndefined();
    expect(span?.attributes["gen_ai.input.messages"]).toBeUndefined();
  });

  it("counts tokens once in metrics", async () => {
    ctx.server.enqueue({ usage: { inputTokens: 100, outputTokens: 40, reasoningTokens: 10 } });
    const ai = ctx.observed();
    await ai.models.generateContent({ model: "gemini-metrics", contents: "hi" });
    await waitForSpans(ctx.telemetry, 1);
    const tokens = (await ctx.telemetry.metricPoints("gen_ai.client.token.usage")).filter(
      (point) => point.attributes["gen_ai.request.model"] === "gemini-metrics",
    );
    const byType = Object.fromEntries(
      tokens.map((point) => [point.attributes["gen_ai.token.type"], point.sum]),
    );
    expect(byType).toEqual({ input: 100, output: 50 });
  });

  it("records a blocked prompt as a successful span with its block reason", async () => {
    ctx.server.enqueue({ blockReason: "SAFETY", usage: { inputTokens: 9 } });
    const ai = ctx.observed();
    const response = await ai.models.generateContent({ model: "gemini-x", contents: "something unsafe" });
    expect(response.promptFeedback?.blockReason).toBe("SAFETY");
    expect(response.candidates).toBeUndefined();
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.status.code).toBe(SpanStatusCode.UNSET);
    expect(span?.attributes["gcp.gemini.prompt_feedback.block_reason"]).toBe("SAFETY");
    expect(span?.attributes["gen_ai.usage.input_tokens"]).toBe(9);
    expect(span?.attributes["gen_ai.response.finish_reasons"]).toBeUndefined();
  });

  it("records a safety-stopped candidate's finish reason", async () => {
    ctx.server.enqueue({ text: "", finishReason: "SAFETY" });
    const ai = ctx.observed({ captureContent: true });
    await ai.models.generateContent({ model: "gemini-x", contents: "hmm" });
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.attributes["gen_ai.response.finish_reasons"]).toEqual(["SAFETY"]);
    expect(JSON.parse(String(span?.attributes["gen_ai.output.messages"]))[0].finish_reason).toBe(
      "content_filter",
    );
  });

  it("maps a function call round trip", async () => {
    ctx.server.enqueue(
      { toolCalls: [{ name: "get_weather", arguments: '{"city":"Oslo"}' }] },
      { text: "Sunny." },
    );
    const ai = ctx.observed({ captureContent: true });
    const config = {
      tools: [
        {
          functionDeclarations: [
            { name: "get_weather", description: "Weather", parametersJsonSchema: { type: "object" } },
          ],
        },
      ],
    };
    const first = await ai.models.generateContent({
      model: "gemini-x",
      contents: "Weather in Oslo?",
      config,
    });
    expect(first.functionCalls?.[0]).toMatchObject({ name: "get_weather", args: { city: "Oslo" } });
    const [firstSpan] = await waitForSpans(ctx.telemetry, 1);
    expect(JSON.parse(String(firstSpan?.attributes["gen_ai.output.messages"]))).toEqual([
      {
        role: "assistant",
        parts: [{ type: "tool_call", name: "get_weather", arguments: { city: "Oslo" } }],
        finish_reason: "tool_call",
      },
    ]);
    expect(JSON.parse(String(firstSpan?.attributes["gen_ai.tool.definitions"]))).toEqual([
      { type: "function", name: "get_weather", description: "Weather", parameters: { type: "object" } },
    ]);
    ctx.telemetry.resetSpans();
    await ai.models.generateContent({
      model: "gemini-x",
      config,
      contents: [
        { role: "user", parts: [{ text: "Weather in Oslo?" }] },
        { role: "model", parts: [{ functionCall: { name: "get_weather", args: { city: "Oslo" } } }] },
        { role: "user", parts: [{ functionResponse: { name: "get_weather", response: { sky: "sunny" } } }] },
      ],
    });
    const [secondSpan] = await waitForSpans(ctx.telemetry, 1);
    expect(JSON.parse(String(secondSpan?.attributes["gen_ai.input.messages"]))).toEqual([
      { role: "user", parts: [{ type: "text", content: "Weather in Oslo?" }] },
      { role: "assistant", parts: [{ type: "tool_call", name: "get_weather", arguments: { city: "Oslo" } }] },
      {
        role: "tool",
        parts: [{ type: "tool_call_response", id: "get_weather", response: { sky: "sunny" } }],
      },
    ]);
  });

  it("reports a Vertex AI client as gcp.vertex_ai", async () => {
    const ai = observeGoogleGenAI(
      new GoogleGenAI({ vertexai: true, apiKey: "test-key", httpOptions: { baseUrl: ctx.server.url } }),
      { tracerProvider: ctx.telemetry.tracerProvider },
    );
    await ai.models.generateContent({ model: "gemini-x", contents: "hi" });
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.attributes["gen_ai.provider.name"]).toBe("gcp.vertex_ai");
    expect(span?.attributes["gen_ai.usage.input_tokens"]).toBeTypeOf("number");
  });
});
