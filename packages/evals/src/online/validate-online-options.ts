import { SightlineError } from "@sightline/core";
import type { OnlineEvaluationOptions } from "./types.js";

/** Checks the options once, at creation, so a wrong value fails there instead of on every call. */
export function validateOnlineOptions(options: OnlineEvaluationOptions): void {
  const fail = (message: string): never => {
    throw new SightlineError({ message: `createOnlineEvaluation: ${message}` });
  };
  if (!options || !Array.isArray(options.evaluators) || options.evaluators.length === 0)
    fail("evaluators must be a non-empty list of evaluators");
  const names = new Set<string>();
  for (const [index, evaluator] of options.evaluators.entries()) {
    if (!evaluator || typeof evaluator.name !== "string" || typeof evaluator.evaluate !== "function")
      fail(`evaluators[${index}] is not an evaluator (a name and an evaluate function)`);
    if (names.has(evaluator.name)) fail(`two evaluators are named "${evaluator.name}"; names must be unique`);
    names.add(evaluator.name);
  }
  const share = (value: number | undefined, field: string): void => {
    if (value !== undefined && !(typeof value === "number" && value >= 0 && value <= 1))
      fail(`${field} must be a number from 0 to 1`);
  };
  share(options.sampleRate, "sampleRate");
  share(options.modelGraded?.sampleRate, "modelGraded.sampleRate");
  const count = (value: number | undefined, field: string, minimum: number): void => {
    if (value !== undefined && !(Number.isInteger(value) && value >= minimum))
      fail(`${field} must be an integer ≥ ${minimum}`);
  };
  count(options.maxConcurrency, "maxConcurrency", 1);
  count(options.maxQueue, "maxQueue", 0);
  count(options.modelGraded?.maxCallsPerHour, "modelGraded.maxCallsPerHour", 0);
  const cost = options.modelGraded?.maxCostUsdPerHour;
  if (cost !== undefined && !(typeof cost === "number" && cost >= 0))
    fail("modelGraded.maxCostUsdPerHour must be a number ≥ 0");
  if (options.timeoutMs !== undefined && !(typeof options.timeoutMs === "number" && options.timeoutMs > 0))
    fail("timeoutMs must be a number > 0");
}
