import { measureCallCost } from "@sightline/core";
import type { EvaluationResult, Evaluator } from "../types.js";
import { buildJudgePrompt, type JudgePrompt } from "./build-judge-prompt.js";
import { clampScore } from "./create-verdict.js";
import { type JudgeScale, parseJudgeAnswer } from "./parse-judge-answer.js";

/** Options of {@link llmJudge}. */
export interface LlmJudgeOptions {
  /** What a good answer is, in plain words; the judge grades against it. */
  rubric: string;
  /**
   * Calls the judge model and returns its text. Write it with any Sightline-wrapped client so the judge's own
   * call is traced and priced like any call (its price becomes the result's `costUsd`, which online evaluation
   * budgets).
   */
  judge: (prompt: JudgePrompt, options: { signal: AbortSignal }) => Promise<string>;
  /** Lowest normalised score (0–1) that passes. Default: `0.5`. */
  passThreshold?: number;
  /** The scale the judge is asked to use; either way the score is normalised to 0–1. Default: `"0-1"`. */
  scale?: JudgeScale;
  /** Most characters of the conversation shown to the judge (the latest kept). Default: `8000`. */
  maxInputChars?: number;
  /** The evaluation's name. Default: `"llm_judge"`. */
  name?: string;
}

/**
 * A model-graded evaluator: asks your judge model to score the answer against `rubric` as JSON
 * `{ score, explanation }`, reads the reply tolerantly (fenced, wrapped in prose, a 1–5 rating) and passes at
 * `passThreshold`. A judge that throws or answers something unreadable gives a failed evaluation with
 * `label: "judge_error"`, an `errorType` and an explanation saying why; it never throws.
 * @example
 * const judge = llmJudge({
 *   rubric: "The answer is polite and answers the question asked.",
 *   judge: async ({ system, user }) =>
 *     (await openai.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "system", content: system }, { role: "user", content: user }] }))
 *       .choices[0]?.message.content ?? "",
 * });
 */
export function llmJudge(options: LlmJudgeOptions): Evaluator {
  const name = options.name ?? "llm_judge";
  const passThreshold = options.passThreshold ?? 0.5;
  const scale = options.scale ?? "0-1";
  const maxInputChars = options.maxInputChars ?? 8000;
  return {
    name,
    kind: "model-graded",
    async evaluate(input, { signal }): Promise<EvaluationResult> {
      const prompt = buildJudgePrompt({ rubric: options.rubric, input, scale, maxInputChars });
      let answer: string;
      let costUsd: number | undefined;
      try {
        const measured = await measureCallCost(() => options.judge(prompt, { signal }));
        answer = measured.value;
        costUsd = measured.costUsd;
      } catch (error) {
        return {
          name,
          passed: false,
          label: "judge_error",
          errorType: error instanceof Error ? error.constructor.name : "judge_error",
          explanation:
            `The judge call failed: ${error instanceof Error ? error.message : String(error)}.`.slice(0, 300),
        };
      }
      const parsed = parseJudgeAnswer(answer, scale);
      if (!parsed.ok) {
        return {
          name,
          passed: false,
          label: "judge_error",
          errorType: "malformed_judge_answer",
          explanation: `The judge's answer could not be read (${parsed.reason}): ${JSON.stringify(String(answer).slice(0, 80))}.`,
          ...(costUsd !== undefined ? { costUsd } : {}),
        };
      }
      const score = clampScore(parsed.score);
      const passed = score >= passThreshold;
      return {
        name,
        score,
        passed,
        label: passed ? "pass" : "fail",
        explanation: parsed.explanation?.slice(0, 500) || `The judge scored the answer ${score.toFixed(2)}.`,
        ...(costUsd !== undefined ? { costUsd } : {}),
      };
    },
  };
}
