import type { EvaluationInput } from "../types.js";
import type { JudgeScale } from "./parse-judge-answer.js";

/** The prompt a judge model gets. */
export interface JudgePrompt {
  /** Instructions: the rubric and the answer format. */
  system: string;
  /** The conversation and the answer to grade. */
  user: string;
}

/**
 * Builds the judge's prompt: the rubric and a strict JSON answer format in `system`; the request's
 * messages (cut to `maxInputChars`, oldest first dropped) and the answer in `user`.
 */
export function buildJudgePrompt(options: {
  rubric: string;
  input: EvaluationInput;
  scale: JudgeScale;
  maxInputChars: number;
}): JudgePrompt {
  const { input, scale } = options;
  const range =
    scale === "1-5" ? "an integer from 1 (worst) to 5 (best)" : "a number from 0 (worst) to 1 (best)";
  const system = [
    "You grade an AI assistant's answer against a rubric. Judge only what the rubric asks.",
    `Rubric:\n${options.rubric}`,
    `Reply with one JSON object and nothing else: {"score": <${range}>, "explanation": "<one sentence>"}.`,
  ].join("\n\n");
  const conversation: string[] = [];
  for (const part of input.systemInstructions ?? []) {
    if (part.type === "text" && typeof part.content === "string")
      conversation.push(`[system] ${part.content}`);
  }
  for (const message of input.input) {
    const text = message.parts
      .map((part) =>
        part.type === "text" && typeof part.content === "string" ? part.content : `[${part.type}]`,
      )
      .join(" ");
    conversation.push(`[${message.role}] ${text}`);
  }
  let transcript = conversation.join("\n");
  if (transcript.length > options.maxInputChars)
    transcript = `…${transcript.slice(transcript.length - options.maxInputChars)}`;
  const user = [
    transcript ? `Conversation:\n${transcript}` : "",
    `Answer to grade:\n${input.outputText || "(empty answer)"}`,
    input.expected !== undefined ? `Reference answer:\n${stringify(input.expected)}` : "",
  ]
    .filter(Boolean)
    .join("\n\n");
  return { system, user };
}

function stringify(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}
