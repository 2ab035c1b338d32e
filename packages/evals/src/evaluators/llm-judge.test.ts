import { observeOpenAI } from "@sightline/openai";
import { useMockLLMContext } from "@sightline/testing/vitest";
import OpenAI from "openai";
import { describe, expect, it } from "vitest";
import type { JudgePrompt } from "./build-judge-prompt.js";
import { llmJudge } from "./llm-judge.js";
import { parseJudgeAnswer } from "./parse-judge-answer.js";
import { runEvaluator } from "./test-helpers.js";

const ctx = useMockLLMContext();
const conversation = {
  input: [{ role: "user", parts: [{ type: "text", content: "How do I reset my password?" }] }],
  outputText: "Click 'Forgot password' on the sign-in page.",
};

describe("parseJudgeAnswer", () => {
  it("reads JSON, fenced JSON, JSON in prose, numeric strings and a bare score line", () => {
    expect(parseJudgeAnswer('{"score": 0.8, "explanation": "Good."}', "0-1")).toEqual({
      ok: true,
      score: 0.8,
      explanation: "Good.",
    });
    expect(parseJudgeAnswer('```json\n{"score": "0.6", "reason": "ok"}\n```', "0-1")).toMatchObject({
      score: 0.6,
      explanation: "ok",
    });
    expect(
      parseJudgeAnswer('Sure! {"rating": 4, "rationale": "mostly"} Hope it helps {', "0-1"),
    ).toMatchObject({ score: 0.75 });
    expect(parseJudgeAnswer("Score: 0.3 because it is vague", "0-1")).toMatchObject({ ok: true, score: 0.3 });
  });

  it("normalises the 1-5 scale and rejects what it cannot read", () => {
    expect(parseJudgeAnswer('{"score": 5}', "1-5")).toMatchObject({ score: 1 });
    expect(parseJudgeAnswer('{"score": 1}', "1-5")).toMatchObject({ score: 0 });
    expect(parseJudgeAnswer('{"score": 0}', "1-5")).toMatchObject({ ok: false });
    expect(parseJudgeAnswer('{"score": 42}', "0-1")).toMatchObject({
      ok: false,
      reason: expect.stringContaining("outside"),
    });
    expect(parseJudgeAnswer("I think it is great", "0-1")).toMatchObject({
      ok: false,
      reason: expect.stringContaining("no numeric score"),
    });
    expect(parseJudgeAnswer("", "0-1")).toMatchObject({ ok: false });
  });
});

describe("llmJudge", () => {
  it("asks the judge with the rubric, the conversation and a JSON format, and passes at the threshold", async () => {
    const prompts: JudgePrompt[] = [];
    const evaluator = llmJudge({
      rubric: "The answer tells the user how to reset the password.",
      passThreshold: 0.7,
      judge: async (prompt) => {
        prompts.push(prompt);
        return '{"score": 0.9, "explanation": "It gives the exact step."}';
      },
    });
    expect(evaluator.kind).toBe("model-graded");
    const result = await runEvaluator(evaluator, conversation);
    expect(result).toEqual({
      name: "llm_judge",
      score: 0.9,
      passed: true,
      label: "pass",
      explanation: "It gives the exact step.",
    });
    expect(prompts[0]?.system).toContain("reset the password");
    expect(prompts[0]?.system).toContain('{"score"');
    expect(prompts[0]?.user).toContain("[user] How do I reset my password?");
    expect(prompts[0]?.user).toContain("Forgot password");
    const low = await runEvaluator(
      llmJudge({ rubric: "x", passThreshold: 0.7, judge: async () => '{"score": 0.5}' }),
      conversation,
    );
    expect(low).toMatchObject({
      passed: false,
      label: "fail",
      score: 0.5,
      explanation: "The judge scored the answer 0.50.",
    });
  });

  it("turns a malformed answer or a throwing judge into a failed evaluation, never a throw", async () => {
    const malformed = await runEvaluator(
      llmJudge({ rubric: "x", judge: async () => "Looks fine to me!" }),
      conversation,
    );
    expect(malformed).toMatchObject({
      passed: false,
      label: "judge_error",
      errorType: "malformed_judge_answer",
    });
    expect(malformed.score).toBeUndefined();
    expect(malformed.explanation).toMatch(
      /could not be read \(the judge's answer has no numeric score\): "Looks fine to me!"/,
    );
    const throwing = await runEvaluator(
      llmJudge({
        rubric: "x",
        judge: async () => {
          throw new TypeError("fetch failed");
        },
      }),
      conversation,
    );
    expect(throwing).toMatchObject({ passed: false, label: "judge_error", errorType: "TypeError" });
    expect(throwing.explanation).toContain("fetch failed");
  });

  it("reports the cost of a judge written with a wrapped client, whose call is traced like any call", async () => {
    ctx.server.enqueue({
      text: '{"score": 1, "explanation": "Exactly right."}',
      usage: { inputTokens: 1000, outputTokens: 20 },
    });
    const openai = observeOpenAI(
      new OpenAI({ apiKey: "test", baseURL: ctx.server.openaiBaseURL, maxRetries: 0 }),
      {
        tracerProvider: ctx.telemetry.tracerProvider,
        meterProvider: ctx.telemetry.meterProvider,
        drift: false,
      },
    );
    const evaluator = llmJudge({
      rubric: "Correct steps.",
      judge: async ({ system, user }) => {
        const completion = await openai.chat.completions.create({
          model: "gpt-4o-mini",
          messages: [
            { role: "system", content: system },
            { role: "user", content: user },
          ],
        });
        return completion.choices[0]?.message.content ?? "";
      },
    });
    const result = await runEvaluator(evaluator, conversation);
    expect(result).toMatchObject({ passed: true, score: 1, explanation: "Exactly right." });
    expect(result.costUsd).toBeGreaterThan(0);
    const judgeSpan = ctx.telemetry.spans().find((span) => span.name === "chat gpt-4o-mini");
    expect(judgeSpan?.attributes["gen_ai.usage.cost"]).toBeCloseTo(result.costUsd as number, 12);
  });
});
