import { context, trace } from "@opentelemetry/api";
import { getSightlineOperation } from "@sightline/core/provider";
import { observeOpenAI } from "@sightline/openai";
import OpenAI from "openai";
import { describe, expect, it } from "vitest";
import { observeLangChainModel } from "./observe-langchain-model.js";
import { idOf, settle, spansNamed, useLangChainTestContext, waitForSpans } from "./test-helpers.js";

const ctx = useLangChainTestContext();

/** A ChatOpenAI whose fetch notes what the provider request sees. */
function probedModel(seen: { marked: unknown; spanId: string | undefined }[]) {
  return ctx.chatOpenAI({
    configuration: {
      fetch: (url: string | URL | Request, init?: RequestInit) => {
        const active = context.active();
        seen.push({
          marked: getSightlineOperation(active),
          spanId: trace.getSpan(active)?.spanContext().spanId,
        });
        return fetch(url, init);
      },
    },
  });
}

describe("observeLangChainModel", () => {
  it("runs an invoke's provider request inside the handler's chat span, with Sightline's mark", async () => {
    const seen: { marked: unknown; spanId: string | undefined }[] = [];
    const handler = ctx.handler();
    const raw = probedModel(seen);
    const model = observeLangChainModel(raw, handler);
    expect(model).toBe(raw);
    expect(observeLangChainModel(model, handler)).toBe(raw);
    const reply = await model.invoke("hello", { callbacks: [handler] });
    expect(reply.content).toBe("Hello from the Sightline mock.");
    const [chat] = await waitForSpans(ctx.telemetry, 1);
    expect(seen).toEqual([{ marked: expect.objectContaining({ operation: "chat" }), spanId: idOf(chat) }]);
  });

  it("does the same for every step of a stream, and the stream is unchanged", async () => {
    const seen: { marked: unknown; spanId: string | undefined }[] = [];
    const handler = ctx.handler();
    const model = observeLangChainModel(probedModel(seen), handler);
    ctx.server.enqueue({ text: "one two three", chunks: 3 });
    let text = "";
    for await (const chunk of await model.stream("count", { callbacks: [handler] })) text += chunk.content;
    expect(text).toBe("one two three");
    const [chat] = await waitForSpans(ctx.telemetry, 1);
    expect(seen[0]?.spanId).toBe(idOf(chat));
    expect(seen[0]?.marked).toMatchObject({ operation: "chat" });
    expect(chat?.attributes["gen_ai.response.time_to_first_chunk"]).toBeGreaterThan(0);
  });

  it("keeps one call one span when the client inside ChatOpenAI is also wrapped with observeOpenAI", async () => {
    const providers = {
      tracerProvider: ctx.telemetry.tracerProvider,
      meterProvider: ctx.telemetry.meterProvider,
    };
    /** A ChatOpenAI whose own openai client is replaced by a wrapped one (it takes none otherwise). */
    const withWrappedClient = () => {
      const model = ctx.chatOpenAI();
      const client = new OpenAI({ apiKey: "test-key", baseURL: ctx.server.openaiBaseURL, maxRetries: 0 });
      (model as unknown as { completions: { client: unknown } }).completions.client = observeOpenAI(
        client,
        providers,
      );
      return model;
    };
    const handler = ctx.handler();
    // The handler alone: the wrapper below cannot tell, so the call is two chat spans.
    await withWrappedClient().invoke("hello", { callbacks: [handler] });
    await waitForSpans(ctx.telemetry, 2);
    await settle();
    expect(spansNamed(ctx.telemetry.spans(), "chat gpt-4o")).toHaveLength(2);
    ctx.telemetry.resetSpans();
    // Observed: one span, the handler's, with its tokens and cost.
    await observeLangChainModel(withWrappedClient(), handler).invoke("hello", { callbacks: [handler] });
    await waitForSpans(ctx.telemetry, 1);
    await settle();
    const chats = spansNamed(ctx.telemetry.spans(), "chat gpt-4o");
    expect(chats).toHaveLength(1);
    expect(chats[0]?.instrumentationScope.name).toBe("@sightline/langchain");
    expect(chats[0]?.attributes["gen_ai.usage.cost"]).toBeGreaterThan(0);
  });

  it("leaves runs the handler does not see in the caller's context", async () => {
    const seen: { marked: unknown; spanId: string | undefined }[] = [];
    const model = observeLangChainModel(probedModel(seen), ctx.handler());
    await model.invoke("no handler");
    await settle();
    expect(seen).toEqual([{ marked: undefined, spanId: undefined }]);
    expect(spansNamed(ctx.telemetry.spans(), "chat *")).toHaveLength(0);
  });
});
