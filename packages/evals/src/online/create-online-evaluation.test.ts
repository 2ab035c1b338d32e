import { DiagLogLevel, diag } from "@opentelemetry/api";
import type { EvaluatedCall, EvaluationCandidate } from "@sightline/core";
import { createTestTelemetry } from "@sightline/testing";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { contains } from "../evaluators/contains.js";
import type { EvaluationResult, Evaluator } from "../types.js";
import { createOnlineEvaluation } from "./create-online-evaluation.js";

const telemetry = createTestTelemetry();
afterAll(() => telemetry.shutdown());
afterEach(() => telemetry.resetSpans());

/** mulberry32: a seeded random source, so the sampling test is reproducible. */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

const candidate: EvaluationCandidate = {
  request: { operation: "chat", model: "gpt-4o" },
  target: { provider: "openai" },
  context: {},
};

function fakeCall(text: string): EvaluatedCall {
  const span = telemetry.tracerProvider.getTracer("test").startSpan("chat gpt-4o");
  span.end();
  return {
    request: { operation: "chat", model: "gpt-4o" },
    target: { provider: "openai" },
    response: { id: "chatcmpl-1" },
    context: { feature: "support" },
    spanContext: span.spanContext(),
    requestContent: () => ({ inputMessages: [{ role: "user", parts: [{ type: "text", content: "hi" }] }] }),
    outputMessages: () => [
      { role: "assistant", parts: [{ type: "text", content: text }], finish_reason: "stop" },
    ],
    meterProvider: telemetry.meterProvider,
    tracerProvider: telemetry.tracerProvider,
  };
}

const resultSpans = () => telemetry.spans().filter((span) => span.name === "gen_ai.evaluation.result");

describe("createOnlineEvaluation", () => {
  it("samples at the configured rate (seeded random) and only the evaluated operations", () => {
    const evaluation = createOnlineEvaluation({
      evaluators: [contains("x")],
      sampleRate: 0.2,
      random: seededRandom(42),
    });
    let sampled = 0;
    for (let index = 0; index < 10_000; index++) if (evaluation.sample(candidate)) sampled += 1;
    // Binomial(10000, 0.2): mean 2000, sd 40; five sd either side.
    expect(sampled).toBeGreaterThan(1800);
    expect(sampled).toBeLessThan(2200);
    expect(evaluation.stats().sampled).toBe(sampled);
    expect(evaluation.sample({ ...candidate, request: { operation: "embeddings" } })).toBe(false);
    const never = createOnlineEvaluation({ evaluators: [contains("x")], sampleRate: 0 });
    expect(Array.from({ length: 100 }, () => never.sample(candidate)).some(Boolean)).toBe(false);
  });

  it("evaluates a handed-over call after evaluate() returned, recording each result linked to the call", async () => {
    const evaluation = createOnlineEvaluation({
      evaluators: [contains("paris"), contains("london", { name: "london" })],
      sampleRate: 1,
    });
    const call = fakeCall("Paris it is.");
    evaluation.evaluate(call);
    // Nothing ran synchronously: the work is scheduled off the caller's path.
    expect(evaluation.stats()).toMatchObject({ received: 1, results: 0, queued: 1 });
    await evaluation.flush();
    expect(evaluation.stats()).toMatchObject({ completed: 1, results: 2, queued: 0, running: 0 });
    const spans = resultSpans();
    expect(
      spans.map((span) => [
        span.attributes["gen_ai.evaluation.name"],
        span.attributes["sightline.evaluation.passed"],
      ]),
    ).toEqual([
      ["contains", true],
      ["london", false],
    ]);
    expect(spans[0]?.links[0]?.context.spanId).toBe(call.spanContext.spanId);
    expect(spans[0]?.attributes).toMatchObject({
      "gen_ai.request.model": "gpt-4o",
      "sightline.feature": "support",
      "gen_ai.response.id": "chatcmpl-1",
    });
    expect(spans[0]?.events[0]?.attributes?.["gen_ai.response.id"]).toBe("chatcmpl-1");
  });

  it("bounds concurrency and the queue, counts drops in a metric and warns once", async () => {
    const warnings: string[] = [];
    diag.setLogger(
      {
        ...console,
        warn: (message: string) => warnings.push(message),
        error: () => undefined,
        info: () => undefined,
        debug: () => undefined,
        verbose: () => undefined,
      },
      DiagLogLevel.WARN,
    );
    const releases: (() => void)[] = [];
    let running = 0;
    let maxRunning = 0;
    const blocking: Evaluator = {
      name: "blocking",
      kind: "deterministic",
      evaluate: () =>
        new Promise<EvaluationResult>((resolve) => {
          running += 1;
          maxRunning = Math.max(maxRunning, running);
          releases.push(() => {
            running -= 1;
            resolve({ name: "blocking", passed: true, score: 1 });
          });
        }),
    };
    const evaluation = createOnlineEvaluation({
      evaluators: [blocking],
      sampleRate: 1,
      maxConcurrency: 2,
      maxQueue: 3,
    });
    for (let index = 0; index < 10; index++) evaluation.evaluate(fakeCall(`answer ${index}`));
    // Three wait in the queue; the other seven arrive at a full queue (the first two start only at the next tick).
    expect(evaluation.stats()).toMatchObject({ received: 10, queued: 3, droppedQueueFull: 7 });
    await new Promise((resolve) => setImmediate(resolve));
    expect(evaluation.stats()).toMatchObject({ running: 2, queued: 1 });
    while (evaluation.stats().completed < 3) {
      releases.shift()?.();
      await new Promise((resolve) => setImmediate(resolve));
    }
    await evaluation.flush();
    expect(maxRunning).toBe(2);
    expect(evaluation.stats()).toMatchObject({ completed: 3, results: 3 });
    const drops = await telemetry.metricPoints("sightline.gen_ai.evaluation.dropped");
    expect(
      drops.find((point) => point.attributes["sightline.evaluation.drop_reason"] === "queue_full")?.value,
    ).toBe(7);
    expect(warnings.filter((message) => message.includes("queue is full"))).toHaveLength(1);
    diag.disable();
  });

  it("stops model-graded evaluators when the hourly budget is spent, and resumes in the next hour", async () => {
    let judgeCalls = 0;
    const judge: Evaluator = {
      name: "judge",
      kind: "model-graded",
      evaluate: () => {
        judgeCalls += 1;
        return { name: "judge", passed: true, score: 1, costUsd: 0.01 };
      },
    };
    let now = 0;
    const evaluation = createOnlineEvaluation({
      evaluators: [contains("a"), judge],
      sampleRate: 1,
      modelGraded: { sampleRate: 1, maxCostUsdPerHour: 0.03 },
      now: () => now,
      maxConcurrency: 1,
    });
    for (let index = 0; index < 6; index++) {
      evaluation.evaluate(fakeCall("a"));
      await evaluation.flush();
    }
    expect(judgeCalls).toBe(3);
    expect(evaluation.stats()).toMatchObject({ droppedBudget: 3, results: 9 });
    expect(evaluation.stats().spentUsdThisHour).toBeCloseTo(0.03);
    now = 3_600_000;
    evaluation.evaluate(fakeCall("a"));
    await evaluation.flush();
    expect(judgeCalls).toBe(4);
    const drops = await telemetry.metricPoints("sightline.gen_ai.evaluation.dropped");
    expect(
      drops.find((point) => point.attributes["sightline.evaluation.drop_reason"] === "budget"),
    ).toMatchObject({
      value: 3,
      attributes: { "gen_ai.evaluation.name": "judge" },
    });
  });

  it("samples model-graded evaluators again at their own rate, and caps them by count", async () => {
    let judgeCalls = 0;
    const judge: Evaluator = {
      name: "judge",
      kind: "model-graded",
      evaluate: () => {
        judgeCalls += 1;
        return { name: "judge", passed: true, score: 1 };
      },
    };
    const evaluation = createOnlineEvaluation({
      evaluators: [judge],
      sampleRate: 1,
      modelGraded: { sampleRate: 0.25, maxCallsPerHour: 1000 },
      random: seededRandom(7),
      maxQueue: 400,
    });
    for (let index = 0; index < 400; index++) evaluation.evaluate(fakeCall("a"));
    await evaluation.flush();
    expect(judgeCalls).toBeGreaterThan(60);
    expect(judgeCalls).toBeLessThan(140);
    const capped = createOnlineEvaluation({
      evaluators: [judge],
      sampleRate: 1,
      modelGraded: { maxCallsPerHour: 2 },
    });
    judgeCalls = 0;
    for (let index = 0; index < 5; index++) capped.evaluate(fakeCall("a"));
    await capped.flush();
    expect(judgeCalls).toBe(2);
  });

  it("records a throwing evaluator as a failed result and goes on with the next", async () => {
    const throwing: Evaluator = {
      name: "broken",
      kind: "deterministic",
      evaluate: () => {
        throw new Error("bug in evaluator");
      },
    };
    const evaluation = createOnlineEvaluation({
      evaluators: [throwing, contains("ok")],
      sampleRate: 1,
      maxConcurrency: 1,
    });
    evaluation.evaluate({
      ...fakeCall("ok"),
      outputMessages: () => {
        throw new Error("builder broke");
      },
    });
    evaluation.evaluate(fakeCall("ok"));
    await evaluation.flush();
    const spans = resultSpans();
    expect(
      spans.map((span) => [
        span.attributes["gen_ai.evaluation.name"],
        span.attributes["error.type"] ?? "none",
      ]),
    ).toEqual([
      ["broken", "Error"],
      ["contains", "none"],
      ["broken", "Error"],
      ["contains", "none"],
    ]);
    // The call whose output builder threw is evaluated on an empty answer rather than lost.
    expect(spans[1]?.attributes["sightline.evaluation.passed"]).toBe(false);
    expect(spans[3]?.attributes["sightline.evaluation.passed"]).toBe(true);
  });

  it("rejects wrong options at creation", () => {
    expect(() => createOnlineEvaluation({ evaluators: [] })).toThrow(/non-empty/);
    expect(() => createOnlineEvaluation({ evaluators: [contains("a"), contains("b")] })).toThrow(/unique/);
    expect(() => createOnlineEvaluation({ evaluators: [contains("a")], sampleRate: 2 })).toThrow(
      /sampleRate/,
    );
    expect(() => createOnlineEvaluation({ evaluators: [contains("a")], maxConcurrency: 0 })).toThrow(
      /maxConcurrency/,
    );
  });
});
