import type { SpanContext } from "@opentelemetry/api";
import { createTestTelemetry } from "@sightline/testing";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { createInstrumentation } from "../operation/create-instrumentation.js";
import { recordEvaluation } from "./record-evaluation.js";

const telemetry = createTestTelemetry();
const providers = { tracerProvider: telemetry.tracerProvider, meterProvider: telemetry.meterProvider };
afterAll(() => telemetry.shutdown());
afterEach(() => telemetry.resetSpans());

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
      operation.succeed({});
    },
  });
  return spanContext as SpanContext;
}

describe("recordEvaluation", () => {
  it("records the semconv result span and event linked to the operation, and low-cardinality metrics", async () => {
    const operation = runOperation();
    recordEvaluation(`00-${operation.traceId}-${operation.spanId}-01`, {
      name: "valid_json",
      score: 0.25,
      label: "schema_mismatch",
      passed: false,
      explanation: "The answer breaks the schema.",
      model: "gpt-4o",
      provider: "openai",
      operationName: "chat",
      feature: "support",
      ...providers,
    });
    const span = telemetry.spans().at(-1);
    expect(span?.name).toBe("gen_ai.evaluation.result");
    expect(span?.links[0]?.context).toMatchObject({ traceId: operation.traceId, spanId: operation.spanId });
    expect(span?.events[0]?.name).toBe("gen_ai.evaluation.result");
    expect(span?.events[0]?.attributes).toEqual({
      "gen_ai.evaluation.name": "valid_json",
      "gen_ai.evaluation.score.value": 0.25,
      "gen_ai.evaluation.score.label": "schema_mismatch",
      "gen_ai.evaluation.explanation": "The answer breaks the schema.",
    });
    expect(span?.attributes).toMatchObject({
      "sightline.evaluation.passed": false,
      "sightline.feature": "support",
    });
    // On the span it would make the result read as a model call; the metrics keep it.
    expect(span?.attributes).not.toHaveProperty("gen_ai.operation.name");
    const expectedAttributes = {
      "gen_ai.evaluation.name": "valid_json",
      "gen_ai.request.model": "gpt-4o",
      "gen_ai.provider.name": "openai",
      "gen_ai.operation.name": "chat",
      "sightline.feature": "support",
      "sightline.evaluation.passed": false,
    };
    const scores = await telemetry.metricPoints("sightline.gen_ai.evaluation.score");
    expect(scores).toEqual([
      expect.objectContaining({ attributes: expectedAttributes, count: 1, sum: 0.25 }),
    ]);
    const results = await telemetry.metricPoints("sightline.gen_ai.evaluation.results");
    expect(results).toEqual([expect.objectContaining({ attributes: expectedAttributes, value: 1 })]);
  });

  it("records a result with no operation unlinked, an errored one with error.type, and never throws", async () => {
    recordEvaluation(undefined, { name: "judge", passed: false, errorType: "timeout", ...providers });
    const span = telemetry.spans().at(-1);
    expect(span?.links).toEqual([]);
    expect(span?.attributes["error.type"]).toBe("timeout");
    const results = await telemetry.metricPoints("sightline.gen_ai.evaluation.results");
    expect(results.find((point) => point.attributes["error.type"] === "timeout")?.value).toBe(1);
    expect(() => recordEvaluation("garbage", { name: "x", ...providers })).not.toThrow();
  });

  it("feeds the score and pass to the drift feed before the span ends", () => {
    const observed: Record<string, number>[] = [];
    recordEvaluation(undefined, {
      name: "relevance",
      score: 0.8,
      passed: true,
      drift: {
        observe: (scalars, span) => {
          observed.push({ ...scalars });
          span.addEvent("probe");
        },
      },
      ...providers,
    });
    expect(observed).toEqual([{ "eval.relevance.score": 0.8, "eval.relevance.passed": 1 }]);
    expect(
      telemetry
        .spans()
        .at(-1)
        ?.events.map((event) => event.name),
    ).toContain("probe");
  });
});
