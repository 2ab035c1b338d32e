import { describe, expect, it } from "vitest";
import { createEvaluationInput } from "./create-evaluation-input.js";
import { runEvaluator } from "./run-evaluator.js";
import type { Evaluator } from "./types.js";

const input = createEvaluationInput({ outputText: "hello" });
const evaluatorOf = (evaluate: Evaluator["evaluate"]): Evaluator => ({
  name: "probe",
  kind: "deterministic",
  evaluate,
});

describe("runEvaluator", () => {
  it("returns the evaluator's result under the evaluator's name", async () => {
    const result = await runEvaluator(
      evaluatorOf(() => ({ name: "other", passed: true, score: 1 })),
      input,
    );
    expect(result).toEqual({ name: "probe", passed: true, score: 1 });
  });

  it("turns a throw, a rejection and a malformed result into failed evaluations", async () => {
    const thrown = await runEvaluator(
      evaluatorOf(() => {
        throw new SyntaxError("bad");
      }),
      input,
    );
    expect(thrown).toMatchObject({ passed: false, label: "error", errorType: "SyntaxError" });
    expect(thrown.explanation).toBe("The evaluator threw SyntaxError: bad.");
    const rejected = await runEvaluator(
      evaluatorOf(async () => Promise.reject("nope")),
      input,
    );
    expect(rejected).toMatchObject({ passed: false, errorType: "string" });
    const malformed = await runEvaluator(
      evaluatorOf(() => undefined as never),
      input,
    );
    expect(malformed).toMatchObject({ passed: false, errorType: "malformed_result" });
  });

  it("fails an evaluator that outlives its timeout and aborts its signal", async () => {
    let signal: AbortSignal | undefined;
    const result = await runEvaluator(
      evaluatorOf((_input, options) => {
        signal = options.signal;
        return new Promise(() => undefined);
      }),
      input,
      { timeoutMs: 20 },
    );
    expect(result).toMatchObject({ passed: false, errorType: "timeout" });
    expect(signal?.aborted).toBe(true);
  });
});
