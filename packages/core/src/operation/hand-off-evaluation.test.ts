import { createDriftMonitor } from "@sightline/drift";
import { createTestTelemetry } from "@sightline/testing";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import type { EvaluatedCall, EvaluationCandidate, OperationEvaluation } from "../config/types.js";
import { withContext } from "../context/with-context.js";
import { createInstrumentation } from "./create-instrumentation.js";
import type { GenAIResponse } from "./operation-shapes.js";

const telemetry = createTestTelemetry();
const providers = { tracerProvider: telemetry.tracerProvider, meterProvider: telemetry.meterProvider };
afterAll(() => telemetry.shutdown());
afterEach(() => telemetry.resetSpans());

function recordingHook(sampled: (candidate: EvaluationCandidate) => boolean) {
  const candidates: EvaluationCandidate[] = [];
  const calls: EvaluatedCall[] = [];
  const hook: OperationEvaluation = {
    sample: (candidate) => {
      candidates.push(candidate);
      return sampled(candidate);
    },
    evaluate: (call) => {
      calls.push(call);
    },
  };
  return { hook, candidates, calls };
}

function runCall(
  instrumentation: ReturnType<typeof createInstrumentation>,
  options: { fail?: boolean; response?: GenAIResponse } = {},
) {
  let keepsContent: boolean | undefined;
  try {
    instrumentation.traceOperation({
      request: {
        operation: "chat",
        model: "gpt-4o",
        content: () => ({ inputMessages: [{ role: "user", parts: [{ type: "text", content: "hi" }] }] }),
      },
      target: { provider: "openai" },
      invoke: () => {
        if (options.fail) throw new Error("boom");
        return "ok";
      },
      observe: (_result, operation) => {
        keepsContent = operation.keepsContent;
        operation.succeed(
          options.response ?? {
            model: "gpt-4o-2024-08-06",
            outputMessages: () => [
              { role: "assistant", parts: [{ type: "text", content: "hello" }], finish_reason: "stop" },
            ],
          },
        );
      },
    });
  } catch {
    // The failing call's own error.
  }
  return { keepsContent };
}

describe("the evaluation hook", () => {
  it("samples at the call's start and hands a sampled call's content over after it ended, capture off", () => {
    const { hook, candidates, calls } = recordingHook(() => true);
    const instrumentation = createInstrumentation({
      scopeName: "t",
      scopeVersion: "0",
      options: { ...providers, drift: false, captureContent: false, evaluation: hook },
    });
    const { keepsContent } = withContext({ feature: "support" }, () => runCall(instrumentation));
    expect(keepsContent).toBe(true);
    expect(candidates).toHaveLength(1);
    expect(candidates[0]?.context.feature).toBe("support");
    expect(calls).toHaveLength(1);
    const call = calls[0] as EvaluatedCall;
    expect(call.requestContent()?.inputMessages?.[0]?.parts[0]).toEqual({ type: "text", content: "hi" });
    expect(call.outputMessages()?.[0]?.parts[0]).toEqual({ type: "text", content: "hello" });
    const span = telemetry.spans().find((item) => item.name === "chat gpt-4o");
    expect(call.spanContext.spanId).toBe(span?.spanContext().spanId);
    // Evaluation content stays in process: nothing of it is on the exported span.
    expect(Object.keys(span?.attributes ?? {}).filter((key) => key.includes("messages"))).toEqual([]);
    expect(call.drift).toBeUndefined();
  });

  it("hands over nothing for an unsampled or failed call, and a throwing hook never reaches the call", () => {
    const unsampled = recordingHook(() => false);
    const instrumentation = createInstrumentation({
      scopeName: "t",
      scopeVersion: "0",
      options: { ...providers, drift: false, evaluation: unsampled.hook },
    });
    expect(runCall(instrumentation).keepsContent).toBe(false);
    expect(unsampled.calls).toHaveLength(0);
    const sampled = recordingHook(() => true);
    runCall(
      createInstrumentation({
        scopeName: "t",
        scopeVersion: "0",
        options: { ...providers, drift: false, evaluation: sampled.hook },
      }),
      {
        fail: true,
      },
    );
    expect(sampled.calls).toHaveLength(0);
    const throwing = createInstrumentation({
      scopeName: "t",
      scopeVersion: "0",
      options: {
        ...providers,
        drift: false,
        evaluation: {
          sample: () => true,
          evaluate: () => {
            throw new Error("hook broke");
          },
        },
      },
    });
    expect(() => runCall(throwing)).not.toThrow();
    const throwingSample = createInstrumentation({
      scopeName: "t",
      scopeVersion: "0",
      options: {
        ...providers,
        drift: false,
        evaluation: {
          sample: () => {
            throw new Error("sample broke");
          },
          evaluate: () => undefined,
        },
      },
    });
    expect(runCall(throwingSample).keepsContent).toBe(false);
    expect(() =>
      createInstrumentation({
        scopeName: "t",
        scopeVersion: "0",
        options: { evaluation: {} as OperationEvaluation },
      }),
    ).toThrow(/evaluation must be/);
  });

  it("feeds eval scalars to the call's own drift stream without disturbing its other signals or identity", () => {
    const monitor = createDriftMonitor({ referenceSize: 20, warmupSize: 0 });
    const { hook, calls } = recordingHook(() => true);
    const instrumentation = createInstrumentation({
      scopeName: "t",
      scopeVersion: "0",
      options: { ...providers, drift: { monitor }, evaluation: hook },
    });
    for (let index = 0; index < 30; index++) runCall(instrumentation);
    const before = monitor.snapshot().streams;
    expect(before).toHaveLength(1);
    const stream = before[0];
    const span = telemetry.tracerProvider.getTracer("t").startSpan("probe");
    for (const call of calls) call.drift?.observe({ "eval.x.score": 1 }, span);
    span.end();
    const after = monitor.snapshot().streams;
    // Same stream, same key; the call's own signals and identity are exactly as the calls left them.
    expect(after).toHaveLength(1);
    expect(after[0]?.key).toEqual(stream?.key);
    expect(after[0]?.identity.responseModels).toEqual(stream?.identity.responseModels);
    for (const name of Object.keys(stream?.scalars ?? {}))
      expect(after[0]?.scalars[name]).toEqual(stream?.scalars[name]);
    expect(after[0]?.categories).toEqual(stream?.categories);
    expect(Object.keys(after[0]?.scalars ?? {})).toContain("eval.x.score");
    // And a further call with the same model raises no model change.
    runCall(instrumentation);
    const last = telemetry
      .spans()
      .filter((item) => item.name === "chat gpt-4o")
      .at(-1);
    expect(last?.events.map((event) => event.name)).not.toContain("sightline.model_change");
  });
});
