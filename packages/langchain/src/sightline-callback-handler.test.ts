import { SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import { describe, expect, it } from "vitest";
import {
  countedCalls,
  idOf,
  parentOf,
  settle,
  spansNamed,
  useLangChainTestContext,
  waitForSpans,
} from "./test-helpers.js";

const ctx = useLangChainTestContext();

describe("SightlineCallbackHandler: model runs", () => {
  it("records a ChatOpenAI invoke as one chat CLIENT span with params, tokens, cost and provider openai", async () => {
    ctx.server.enqueue({
      text: "Hi there",
      usage: { inputTokens: 12, outputTokens: 3, cachedInputTokens: 4 },
    });
    const model = ctx.chatOpenAI({ temperature: 0.3, maxTokens: 50 });
    const reply = await model.invoke("hello", { callbacks: [ctx.handler()] });
    expect(reply.content).toBe("Hi there");
    const spans = await waitForSpans(ctx.telemetry, 1);
    await settle();
    expect(ctx.telemetry.spans()).toHaveLength(1);
    const [chat] = spans;
    expect(chat?.name).toBe("chat gpt-4o");
    expect(chat?.kind).toBe(SpanKind.CLIENT);
    expect(chat?.attributes).toMatchObject({
      "gen_ai.operation.name": "chat",
      "gen_ai.provider.name": "openai",
      "gen_ai.request.model": "gpt-4o",
      "gen_ai.request.temperature": 0.3,
      "gen_ai.request.max_tokens": 50,
      "gen_ai.response.model": "gpt-4o-2026-01-01",
      "gen_ai.response.finish_reasons": ["stop"],
      "gen_ai.usage.input_tokens": 12,
      "gen_ai.usage.output_tokens": 3,
      "gen_ai.usage.cache_read.input_tokens": 4,
    });
    expect(chat?.attributes["gen_ai.usage.cost"]).toBeGreaterThan(0);
    expect(chat?.attributes["gen_ai.request.stream"]).toBeUndefined();
    expect(chat?.attributes["sightline.langchain.run_id"]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("nests the top-level run under the app's active span and counts the call once in metrics", async () => {
    const tracer = ctx.telemetry.tracerProvider.getTracer("app");
    const handler = ctx.handler();
    const before = await countedCalls(ctx);
    await tracer.startActiveSpan("request", async (span) => {
      await ctx.chatOpenAI().invoke("hello", { callbacks: [handler] });
      span.end();
    });
    const spans = await waitForSpans(ctx.telemetry, 2);
    const [chat] = spansNamed(spans, "chat gpt-4o");
    expect(parentOf(chat)).toBe(idOf(spansNamed(spans, "request")[0]));
    expect((await countedCalls(ctx)) - before).toBe(1);
    expect(handler.openRuns).toBe(0);
  });

  it("records a stream with time to first chunk and the stream flag", async () => {
    ctx.server.enqueue({ text: "It is sunny today.", chunks: 4, firstChunkDelayMs: 40, chunkDelayMs: 5 });
    const stream = await ctx.chatOpenAI().stream("weather?", { callbacks: [ctx.handler()] });
    let text = "";
    for await (const chunk of stream) text += chunk.content;
    expect(text).toBe("It is sunny today.");
    const [chat] = await waitForSpans(ctx.telemetry, 1);
    expect(chat?.attributes["gen_ai.request.stream"]).toBe(true);
    const ttfc = chat?.attributes["gen_ai.response.time_to_first_chunk"] as number;
    expect(ttfc).toBeGreaterThanOrEqual(0.03);
    const gaps = await ctx.telemetry.metricPoints("gen_ai.client.operation.time_per_output_chunk");
    expect(gaps.reduce((sum, point) => sum + (point.count ?? 0), 0)).toBeGreaterThan(0);
    expect(chat?.attributes["gen_ai.usage.output_tokens"]).toBeGreaterThan(0);
  });

  it("records ChatAnthropic as provider anthropic with its stop reason", async () => {
    // The mock answers as the dated model the price catalog knows.
    ctx.server.enqueue({
      text: "Bonjour",
      model: "claude-sonnet-4-5-20250929",
      usage: { inputTokens: 20, outputTokens: 2 },
    });
    const reply = await ctx.chatAnthropic().invoke("hello", { callbacks: [ctx.handler()] });
    expect(reply.content).toBe("Bonjour");
    const [chat] = await waitForSpans(ctx.telemetry, 1);
    expect(chat?.name).toBe("chat claude-sonnet-4-5");
    expect(chat?.attributes).toMatchObject({
      "gen_ai.provider.name": "anthropic",
      "gen_ai.response.model": "claude-sonnet-4-5-20250929",
      "gen_ai.usage.input_tokens": 20,
      "gen_ai.usage.output_tokens": 2,
      "gen_ai.response.finish_reasons": ["end_turn"],
    });
    expect(chat?.attributes["gen_ai.usage.cost"]).toBeGreaterThan(0);
  });

  it("records an LLM (completions) run as text_completion", async () => {
    ctx.server.enqueue({ text: "done", usage: { inputTokens: 5, outputTokens: 1 } });
    await ctx.openAILLM().invoke("say done", { callbacks: [ctx.handler()] });
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.name).toBe("text_completion gpt-3.5-turbo-instruct");
    expect(span?.attributes).toMatchObject({
      "gen_ai.operation.name": "text_completion",
      "gen_ai.provider.name": "openai",
      "gen_ai.usage.input_tokens": 5,
      "gen_ai.usage.output_tokens": 1,
    });
  });

  it("re-throws a provider error unchanged and marks the span with error.type", async () => {
    ctx.server.enqueue({ status: 400 });
    const handler = ctx.handler();
    const error = await ctx
      .chatOpenAI()
      .invoke("hello", { callbacks: [handler] })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    const [chat] = await waitForSpans(ctx.telemetry, 1);
    expect(chat?.status.code).toBe(SpanStatusCode.ERROR);
    expect(chat?.attributes["error.type"]).toBeTruthy();
    expect(handler.openRuns).toBe(0);
  });

  it("works per runnable (withConfig) and on the model's constructor", async () => {
    const handler = ctx.handler();
    await ctx
      .chatOpenAI()
      .withConfig({ callbacks: [handler] })
      .invoke("one");
    await ctx.chatOpenAI({ callbacks: [handler] }).invoke("two");
    await waitForSpans(ctx.telemetry, 2);
    await settle();
    expect(spansNamed(ctx.telemetry.spans(), "chat gpt-4o")).toHaveLength(2);
  });

  it("records a run once when the same handler is on the model and passed per call", async () => {
    const handler = ctx.handler();
    await ctx.chatOpenAI({ callbacks: [handler] }).invoke("hello", { callbacks: [handler] });
    await waitForSpans(ctx.telemetry, 1);
    await settle();
    expect(spansNamed(ctx.telemetry.spans(), "chat gpt-4o")).toHaveLength(1);
  });

  it("captures content only when enabled", async () => {
    await ctx.chatOpenAI().invoke(
      [
        ["system", "be brief"],
        ["human", "hello"],
      ],
      {
        callbacks: [ctx.handler({ captureContent: true })],
      },
    );
    const [chat] = await waitForSpans(ctx.telemetry, 1);
    expect(String(chat?.attributes["gen_ai.input.messages"])).toContain("hello");
    expect(String(chat?.attributes["gen_ai.system_instructions"])).toContain("be brief");
    expect(String(chat?.attributes["gen_ai.output.messages"])).toContain("Sightline mock");
  });

  it("never lets a telemetry failure reach the app", async () => {
    const handler = ctx.handler();
    // A run end for a run it never saw, and malformed callback arguments, are ignored.
    handler.handleLLMEnd(undefined, "unknown-run");
    handler.handleChainStart(undefined, {}, "run-x", undefined, undefined, undefined, undefined, undefined);
    handler.handleChainEnd({}, "run-x");
    handler.handleLLMNewToken("a", {}, "unknown-run");
    expect(trace.getActiveSpan()).toBeUndefined();
    expect(handler.openRuns).toBe(0);
  });
});
