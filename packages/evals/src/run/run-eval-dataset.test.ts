import { InMemorySpanExporter, SimpleSpanProcessor, TracerProvider } from "@opentelemetry/sdk-trace";
import { observeOpenAI } from "@sightline/openai";
import {
  createTestTelemetry,
  type MockLLMServer,
  type MockScript,
  startMockLLMServer,
} from "@sightline/testing";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toChatMessages } from "../dataset/convert-row-input.js";
import type { EvalRow } from "../dataset/types.js";
import type { EvaluationInput, Evaluator } from "../types.js";
import { createEvalSpanProcessor } from "./create-eval-span-processor.js";
import { runEvalDataset } from "./run-eval-dataset.js";
import type { EvalTarget } from "./types.js";

const ROWS: EvalRow[] = Array.from({ length: 6 }, (_, index) => ({
  id: `row-${index + 1}`,
  input: `What is ${index} + 1?`,
  expected: String(index + 1),
}));

/** Passes when the answer is exactly the expected text; written here until the built-in `equals()` lands. */
const exactMatch: Evaluator = {
  name: "exact_match",
  kind: "deterministic",
  evaluate: ({ outputText, expected }) => {
    const passed = outputText.trim() === String(expected);
    return { name: "exact_match", passed, score: passed ? 1 : 0 };
  },
};

let server: MockLLMServer;
/** Per test: how the mock answers a prompt for a model (undefined: the right answer). */
let script: (model: string, prompt: string) => MockScript | undefined = () => undefined;
const exporter = new InMemorySpanExporter();
let tracerProvider: TracerProvider;

beforeAll(async () => {
  createTestTelemetry(); // installs the AsyncLocalStorage context manager
  tracerProvider = new TracerProvider({
    spanProcessors: [createEvalSpanProcessor(), new SimpleSpanProcessor({ exporter })],
  });
  server = await startMockLLMServer({
    respond: (request) => {
      const body = request.body as { model: string; messages: { content: string }[] };
      const prompt = body.messages.at(-1)?.content ?? "";
      const right = String(Number(/What is (\d+)/.exec(prompt)?.[1]) + 1);
      return script(body.model, prompt) ?? { text: right, usage: { inputTokens: 1000, outputTokens: 10 } };
    },
  });
});
afterAll(async () => {
  await server.close();
  await tracerProvider.shutdown();
});

function createTarget(model: string): EvalTarget {
  const client = observeOpenAI(new OpenAI({ apiKey: "test", baseURL: server.openaiBaseURL, maxRetries: 0 }), {
    tracerProvider,
  });
  return {
    name: model,
    call: async (row, { signal }) => {
      const completion = await client.chat.completions.create(
        { model, messages: toChatMessages(row.input) as OpenAI.ChatCompletionMessageParam[] },
        { signal },
      );
      return completion.choices[0]?.message.content ?? "";
    },
  };
}

describe("runEvalDataset", () => {
  it("runs every row through the wrapped client, scores it, and reads cost and latency from the model-call spans", async () => {
    exporter.reset();
    script = (model, prompt) =>
      model === "gpt-4o" && prompt.includes("2 +")
        ? { text: "banana", usage: { inputTokens: 1000, outputTokens: 10 } }
        : undefined;
    const progress: number[] = [];
    const seen: EvaluationInput[] = [];
    const recording: Evaluator = {
      name: "recording",
      kind: "deterministic",
      evaluate: (input) => {
        seen.push(input);
        return { name: "recording", passed: true };
      },
    };
    const run = await runEvalDataset({
      rows: ROWS,
      target: createTarget("gpt-4o"),
      evaluators: [exactMatch, recording],
      concurrency: 3,
      tracerProvider,
      dataset: "arithmetic.jsonl",
      onProgress: ({ completed }) => progress.push(completed),
    });
    expect(run.rows.map((row) => [row.rowId, row.passed])).toEqual([
      ["row-1", true],
      ["row-2", true],
      ["row-3", false],
      ["row-4", true],
      ["row-5", true],
      ["row-6", true],
    ]);
    expect(run.rows[2]?.outputText).toBe("banana");
    // Evaluators see the row's input and expectation, the answer, and the model call's model and operation.
    const third = seen.find((input) => input.expected === "3");
    expect(third).toMatchObject({
      input: [{ role: "user", parts: [{ type: "text", content: "What is 2 + 1?" }] }],
      outputText: "banana",
      model: "gpt-4o",
      operation: "chat",
    });
    expect(third?.provider).toEqual(expect.any(String));
    expect(progress).toEqual([1, 2, 3, 4, 5, 6]);
    for (const row of run.rows) {
      expect(row.attempts).toBe(1);
      expect(row.modelCalls).toHaveLength(1);
      expect(row.latencySource).toBe("model-call-spans");
      // gpt-4o list price $2.50 per 1M input and $10 per 1M output tokens: 1000 and 10 tokens cost $0.0026.
      expect(row.costUsd).toBeCloseTo(0.0026, 9);
    }

    const spans = exporter.getFinishedSpans();
    const [runSpan] = spans.filter((span) => span.name === "sightline.eval.run");
    expect(runSpan?.attributes).toMatchObject({
      "sightline.eval.target": "gpt-4o",
      "sightline.eval.dataset": "arithmetic.jsonl",
      "sightline.eval.row.count": 6,
      "sightline.eval.row.passed_count": 5,
    });
    const rowSpans = spans.filter((span) => span.name === "sightline.eval.row");
    expect(rowSpans).toHaveLength(6);
    for (const rowSpan of rowSpans) {
      expect(rowSpan.parentSpanContext?.spanId).toBe(runSpan?.spanContext().spanId);
      const modelCall = spans.find(
        (span) =>
          span.parentSpanContext?.spanId === rowSpan.spanContext().spanId && span.name.startsWith("chat"),
      );
      expect(modelCall?.attributes["gen_ai.request.model"]).toBe("gpt-4o");
      const rowId = rowSpan.attributes["sightline.eval.row.id"];
      const result = run.rows.find((row) => row.rowId === rowId);
      expect(result?.modelCalls[0]?.spanId).toBe(modelCall?.spanContext().spanId);
      expect(rowSpan.attributes["sightline.eval.row.passed"]).toBe(result?.passed);
      // The evaluation result is in the row's trace, under the model call it judges.
      const evaluation = spans.find(
        (span) =>
          span.name === "gen_ai.evaluation.result" &&
          span.attributes["gen_ai.evaluation.name"] === "exact_match" &&
          span.parentSpanContext?.spanId === modelCall?.spanContext().spanId,
      );
      expect(evaluation?.spanContext().traceId).toBe(rowSpan.spanContext().traceId);
      expect(evaluation?.attributes["gen_ai.evaluation.name"]).toBe("exact_match");
      expect(evaluation?.attributes).toMatchObject({
        "gen_ai.evaluation.score.value": result?.passed ? 1 : 0,
        "gen_ai.evaluation.score.label": result?.passed ? "pass" : "fail",
        "sightline.evaluation.passed": result?.passed,
        "gen_ai.provider.name": modelCall?.attributes["gen_ai.provider.name"],
      });
      // No operation name: viewers would count the result's span as a model call.
      expect(evaluation?.attributes).not.toHaveProperty("gen_ai.operation.name");
    }
  });

  it("retries retryable errors with backoff, not others, and fails a row that never answers on every evaluator", async () => {
    const seen = new Map<string, number>();
    script = (_model, prompt) => {
      const count = (seen.get(prompt) ?? 0) + 1;
      seen.set(prompt, count);
      if (prompt.includes("1 +") && count === 1) return { status: 429 };
      if (prompt.includes("2 +")) return { status: 400 };
      if (prompt.includes("3 +")) return { status: 503 };
      return undefined;
    };
    const delays: number[] = [];
    const run = await runEvalDataset({
      rows: ROWS.slice(0, 4),
      target: createTarget("gpt-4o-mini"),
      evaluators: [exactMatch, { ...exactMatch, name: "second" }],
      retries: 2,
      retryDelayMs: (attempt) => {
        delays.push(attempt);
        return 1;
      },
      tracerProvider,
    });
    const [first, second, third, fourth] = run.rows;
    expect(first).toMatchObject({ attempts: 1, passed: true });
    expect(second).toMatchObject({ attempts: 2, passed: true }); // 429, then the answer
    expect(second?.modelCalls).toHaveLength(1); // the answering attempt's call
    expect(third).toMatchObject({ attempts: 1, passed: false, outputText: "" }); // 400: not retried
    expect(third?.error?.type).toMatch(/400/);
    expect(
      third?.evaluations.map((evaluation) => [evaluation.name, evaluation.passed, evaluation.label]),
    ).toEqual([
      ["exact_match", false, "error"],
      ["second", false, "error"],
    ]);
    expect(fourth).toMatchObject({ attempts: 3, passed: false }); // 503 three times
    expect(fourth?.error?.type).toMatch(/503/);
    expect(delays.sort()).toEqual([2, 2, 3]);
  });

  it("fails only the evaluator that throws", async () => {
    script = () => undefined;
    const broken: Evaluator = {
      name: "broken",
      kind: "deterministic",
      evaluate: () => {
        throw new RangeError("bad rubric");
      },
    };
    const run = await runEvalDataset({
      rows: ROWS.slice(0, 1),
      target: createTarget("gpt-4o-mini"),
      evaluators: [exactMatch, broken],
      tracerProvider,
    });
    expect(run.rows[0]?.evaluations).toEqual([
      { name: "exact_match", passed: true, score: 1 },
      {
        name: "broken",
        passed: false,
        errorType: "RangeError",
        label: "error",
        explanation: "The evaluator threw RangeError: bad rubric.",
      },
    ]);
  });

  it("keeps concurrency bounded", async () => {
    let inFlight = 0;
    let peak = 0;
    const run = await runEvalDataset({
      rows: Array.from({ length: 12 }, (_, index) => ({ id: String(index), input: "x" })),
      target: {
        name: "slow",
        call: async () => {
          inFlight += 1;
          peak = Math.max(peak, inFlight);
          await new Promise((resolve) => setTimeout(resolve, 5));
          inFlight -= 1;
          return "ok";
        },
      },
      evaluators: [],
      concurrency: 3,
    });
    expect(run.rows).toHaveLength(12);
    expect(peak).toBe(3);
    expect(run.rows[0]?.latencySource).toBe("wall-clock");
  });

  it("stops on abort and rejects with the reason", async () => {
    const controller = new AbortController();
    let calls = 0;
    const running = runEvalDataset({
      rows: Array.from({ length: 20 }, (_, index) => ({ id: String(index), input: "x" })),
      target: {
        name: "t",
        call: async () => {
          calls += 1;
          if (calls === 2) controller.abort(new Error("stopped by the user"));
          return "ok";
        },
      },
      evaluators: [],
      concurrency: 1,
      signal: controller.signal,
    });
    await expect(running).rejects.toThrow("stopped by the user");
    expect(calls).toBe(2);
  });

  it("refuses two evaluators with one name", async () => {
    await expect(
      runEvalDataset({ rows: ROWS, target: createTarget("m"), evaluators: [exactMatch, exactMatch] }),
    ).rejects.toThrow('two evaluators are named "exact_match"');
  });
});
