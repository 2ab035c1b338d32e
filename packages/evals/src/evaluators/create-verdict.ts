import type { EvaluationResult } from "../types.js";

/**
 * A pass/fail result with the score a binary check has (1 or 0, unless a graded score is given) and the
 * `pass`/`fail` label, so every built-in reports the same shape.
 */
export function createVerdict(options: {
  name: string;
  passed: boolean;
  explanation: string;
  score?: number;
  label?: string;
}): EvaluationResult {
  return {
    name: options.name,
    passed: options.passed,
    score: clampScore(options.score ?? (options.passed ? 1 : 0)),
    label: options.label ?? (options.passed ? "pass" : "fail"),
    explanation: options.explanation,
  };
}

/** Keeps a score in [0, 1]; a non-finite score becomes 0. */
export function clampScore(score: number): number {
  if (!Number.isFinite(score)) return 0;
  return Math.min(1, Math.max(0, score));
}

/** Cuts a value shown in an explanation, so one result stays one short sentence. */
export function quote(value: string, maxLength = 60): string {
  const text = value.length > maxLength ? `${value.slice(0, maxLength)}…` : value;
  return JSON.stringify(text);
}
