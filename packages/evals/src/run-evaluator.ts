import type { EvaluationInput, EvaluationResult, Evaluator } from "./types.js";

/** Options of {@link runEvaluator}. */
export interface RunEvaluatorOptions {
  /** Aborts the evaluator (its `signal`) and fails the evaluation after this many milliseconds. Default: `30000`. */
  timeoutMs?: number;
  /** Aborts the evaluator from outside (shutdown). Default: none. */
  signal?: AbortSignal;
}

/**
 * Runs one evaluator on one input and always returns a result: a throw, a rejection, a timeout or a malformed
 * result becomes a failed evaluation (`label: "error"`, `errorType`, an explanation), so the online hook and
 * the dataset runner never see an evaluator's failure as their own. The result's `name` is the evaluator's.
 * @example
 * const result = await runEvaluator(validJson(), input, { timeoutMs: 5000 });
 */
export async function runEvaluator(
  evaluator: Evaluator,
  input: EvaluationInput,
  options: RunEvaluatorOptions = {},
): Promise<EvaluationResult> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const controller = new AbortController();
  const abortFromOutside = (): void => controller.abort(options.signal?.reason);
  options.signal?.addEventListener("abort", abortFromOutside, { once: true });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<EvaluationResult>((resolve) => {
    timer = setTimeout(() => {
      controller.abort(new Error("evaluation timed out"));
      resolve(failed(evaluator.name, "timeout", `The evaluator did not finish within ${timeoutMs} ms.`));
    }, timeoutMs);
    // A pending evaluation must not keep the process alive on its own.
    (timer as { unref?: () => void }).unref?.();
  });
  try {
    const result = await Promise.race([
      Promise.resolve().then(() => evaluator.evaluate(input, { signal: controller.signal })),
      timeout,
    ]);
    if (!result || typeof result !== "object" || typeof result.passed !== "boolean")
      return failed(
        evaluator.name,
        "malformed_result",
        "The evaluator returned no result with a passed flag.",
      );
    return { ...result, name: evaluator.name };
  } catch (error) {
    const type = error instanceof Error ? error.constructor.name : typeof error;
    const message = error instanceof Error ? error.message : String(error);
    return failed(evaluator.name, type, `The evaluator threw ${type}: ${message}`.slice(0, 300).concat("."));
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener("abort", abortFromOutside);
  }
}

function failed(name: string, errorType: string, explanation: string): EvaluationResult {
  return { name, passed: false, label: "error", errorType, explanation };
}
