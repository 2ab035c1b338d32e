import { context, trace } from "@opentelemetry/api";
import { getSightlineOperation, markSightlineOperation } from "@sightline/core/provider";
import { describe, expect, it } from "vitest";
import { idOf, settle, spansNamed, useLangChainTestContext, waitForSpans } from "./test-helpers.js";

const ctx = useLangChainTestContext();

/**
 * LangChain calls its handlers before and after a model run, never around it: the model's HTTP
 * request runs in the caller's OpenTelemetry context, which a callback cannot change. These tests
 * pin down what that means for stacking (docs/langchain.md, "Limits").
 */
describe("stacking", () => {
  it("the chat request runs in the caller's context, without Sightline's mark", async () => {
    const seen: { marked: unknown; spanId: string | undefined }[] = [];
    const model = ctx.chatOpenAI({
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
    const tracer = ctx.telemetry.tracerProvider.getTracer("app");
    await tracer.startActiveSpan("request", async (span) => {
      await model.invoke("hello", { callbacks: [ctx.handler()] });
      span.end();
    });
    const spans = await waitForSpans(ctx.telemetry, 2);
    // So a Sightline client wrapper under ChatOpenAI would record a second span (a sibling of the
    // handler's): use one or the other for a given model.
    expect(seen).toEqual([{ marked: undefined, spanId: idOf(spansNamed(spans, "request")[0]) }]);
    expect(spansNamed(spans, "chat gpt-4o")).toHaveLength(1);
  });

  it("records nothing for a run made inside a call another Sightline recorder is already recording", async () => {
    const marked = markSightlineOperation(context.active(), { operation: "chat" });
    await context.with(marked, () => ctx.chatOpenAI().invoke("hello", { callbacks: [ctx.handler()] }));
    await settle();
    expect(spansNamed(ctx.telemetry.spans(), "chat gpt-4o")).toHaveLength(0);
  });
});
