import { context, type SpanContext, trace } from "@opentelemetry/api";
import { createTestTelemetry } from "@sightline/testing";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { withContext } from "../context/with-context.js";
import { createInstrumentation } from "../operation/create-instrumentation.js";
import { recordFeedback } from "./record-feedback.js";
import { recordOutcome } from "./record-outcome.js";

const telemetry = createTestTelemetry();
const providers = { tracerProvider: telemetry.tracerProvider, meterProvider: telemetry.meterProvider };
afterAll(() => telemetry.shutdown());
afterEach(() => telemetry.resetSpans());

/** Runs one traced operation and returns its span context. */
function runOperation(): SpanContext {
  const instrumentation = createInstrumentation({
    scopeName: "t",
    scopeVersion: "0",
    options: { ...providers, drift: false },
  });
  let spanContext: SpanContext | undefined;
  instrumentation.traceOperation({
    request: { operation: "chat", model: "gpt-4o" },
    target: { provider: "openai" },
    invoke: () => "answer",
    observe: (_result, operation) => {
      spanContext = operation.span.spanContext();
      operation.succeed({ id: "chatcmpl-1" });
    },
  });
  return spanContext as SpanContext;
}

const traceparentOf = (spanContext: SpanContext) => `00-${spanContext.traceId}-${spanContext.spanId}-01`;

describe("recordFeedback", () => {
  it("records a gen_ai.evaluation.result span and event linked to the operation", async () => {
    const operation = runOperation();
    withContext({ feature: "support" }, () =>
      recordFeedback(traceparentOf(operation), {
        score: 1,
        label: "thumbs_up",
        comment: "spot on",
        responseId: "chatcmpl-1",
        ...providers,
      }),
    );
    const feedback = telemetry.spans().at(-1);
    expect(feedback?.name).toBe("gen_ai.evaluation.result");
    expect(feedback?.links[0]?.context).toMatchObject({
      traceId: operation.traceId,
      spanId: operation.spanId,
    });
    expect(feedback?.parentSpanContext).toBeUndefined();
    const event = feedback?.events[0];
    expect(event?.name).toBe("gen_ai.evaluation.result");
    expect(event?.attributes).toEqual({
      "gen_ai.evaluation.name": "user_feedback",
      "gen_ai.evaluation.score.value": 1,
      "gen_ai.evaluation.score.label": "thumbs_up",
      "gen_ai.evaluation.explanation": "spot on",
      "gen_ai.response.id": "chatcmpl-1",
    });
    const points = await telemetry.metricPoints("sightline.gen_ai.feedback.score");
    const point = points.find((entry) => entry.attributes["sightline.feature"] === "support");
    expect(point?.attributes).toEqual({
      "gen_ai.evaluation.name": "user_feedback",
      "gen_ai.evaluation.score.label": "thumbs_up",
      "sightline.feature": "support",
    });
    expect(point?.sum).toBe(1);
  });

  it("with relation child, parents the result under the operation in its trace", () => {
    const operation = runOperation();
    recordFeedback(operation, { score: 0, label: "thumbs_down", relation: "child", ...providers });
    const feedback = telemetry.spans().at(-1);
    expect(feedback?.spanContext().traceId).toBe(operation.traceId);
    expect(feedback?.parentSpanContext?.spanId).toBe(operation.spanId);
    expect(feedback?.links).toEqual([]);
  });

  it("accepts { traceId, spanId } and joins the current trace when there is one", () => {
    const operation = runOperation();
    const tracer = telemetry.tracerProvider.getTracer("app");
    const request = tracer.startSpan("POST /feedback");
    const { traceId, spanId } = operation;
    const active = trace.setSpan(context.active(), request);
    context.with(active, () => recordFeedback({ traceId, spanId }, { score: 4, ...providers }));
    request.end();
    const feedback = telemetry.spans().find((span) => span.name === "gen_ai.evaluation.result");
    expect(feedback?.spanContext().traceId).toBe(request.spanContext().traceId);
    expect(feedback?.links[0]?.context.spanId).toBe(spanId);
  });

  it("records a malformed reference unlinked and never throws", () => {
    expect(() => recordFeedback("not-a-traceparent", { score: 1, ...providers })).not.toThrow();
    expect(() =>
      recordFeedback(`00-${"0".repeat(32)}-${"0".repeat(16)}-01`, { score: 1, ...providers }),
    ).not.toThrow();
    expect(telemetry.spans().every((span) => span.links.length === 0)).toBe(true);
  });
});

describe("recordOutcome", () => {
  it("records a linked sightline.outcome span and counts outcomes by kind and feature", async () => {
    const operation = runOperation();
    withContext({ feature: "helpdesk", conversationId: "conv-9" }, () => {
      recordOutcome({ kind: "deflected", operation: traceparentOf(operation), ...providers });
      recordOutcome({ kind: "escalated", operation, value: 12, ...providers });
      recordOutcome({ kind: "deflected", ...providers });
    });
    const outcomes = telemetry.spans().filter((span) => span.name === "sightline.outcome");
    expect(outcomes).toHaveLength(3);
    expect(outcomes[0]?.links[0]?.context.spanId).toBe(operation.spanId);
    expect(outcomes[1]?.attributes).toEqual({
      "sightline.outcome.kind": "escalated",
      "sightline.feature": "helpdesk",
      "gen_ai.conversation.id": "conv-9",
      "sightline.outcome.value": 12,
    });
    expect(outcomes[0]?.events[0]?.name).toBe("sightline.outcome");
    const points = await telemetry.metricPoints("sightline.gen_ai.outcomes");
    const byKind = Object.fromEntries(
      points
        .filter((point) => point.attributes["sightline.feature"] === "helpdesk")
        .map((point) => [point.attributes["sightline.outcome.kind"], point.value]),
    );
    expect(byKind).toEqual({ deflected: 2, escalated: 1 });
    // No conversation id (high cardinality) on the metric.
    expect(points.every((point) => !("gen_ai.conversation.id" in point.attributes))).toBe(true);
  });
});
