import { splitText } from "../split-text.js";
import type { GeminiAnswer } from "./resolve-gemini-answer.js";

const SAFETY_RATINGS = [
  { category: "HARM_CATEGORY_HATE_SPEECH", probability: "NEGLIGIBLE" },
  { category: "HARM_CATEGORY_DANGEROUS_CONTENT", probability: "NEGLIGIBLE" },
];

/** A complete `GenerateContentResponse`; a blocked prompt has `promptFeedback` and no candidates. */
export function buildGeminiResponse(options: {
  answer: GeminiAnswer;
  sequence: number;
}): Record<string, unknown> {
  const { answer } = options;
  const response: Record<string, unknown> = {};
  if (answer.blockReason !== undefined) {
    response.promptFeedback = {
      blockReason: answer.blockReason,
      safetyRatings: [{ category: "HARM_CATEGORY_DANGEROUS_CONTENT", probability: "HIGH", blocked: true }],
    };
  } else {
    const parts: Record<string, unknown>[] = [];
    if (answer.thinking !== undefined) parts.push({ text: answer.thinking, thought: true });
    if (answer.text !== "") parts.push({ text: answer.text });
    for (const call of answer.toolCalls) parts.push({ functionCall: functionCall(call) });
    response.candidates = [
      {
        content: { role: "model", parts },
        finishReason: answer.finishReason,
        index: 0,
        safetyRatings: SAFETY_RATINGS,
      },
    ];
  }
  if (answer.usageMetadata) response.usageMetadata = answer.usageMetadata;
  response.modelVersion = answer.model;
  response.responseId = `resp_mock_${options.sequence}`;
  return response;
}

/**
 * The chunks of `streamGenerateContent?alt=sse`: thought pieces, text pieces, one chunk per
 * function call, and a last chunk with the finish reason and `usageMetadata`. Every chunk carries
 * `modelVersion` and `responseId`, as the real API does.
 */
export function buildGeminiResponseChunks(options: {
  answer: GeminiAnswer;
  sequence: number;
  chunks: number;
}): Record<string, unknown>[] {
  const { answer } = options;
  if (answer.blockReason !== undefined) return [buildGeminiResponse(options)];
  const base = { modelVersion: answer.model, responseId: `resp_mock_${options.sequence}` };
  const chunk = (parts: Record<string, unknown>[], last = false): Record<string, unknown> => ({
    candidates: [
      {
        content: { role: "model", parts },
        index: 0,
        ...(last ? { finishReason: answer.finishReason, safetyRatings: SAFETY_RATINGS } : {}),
      },
    ],
    ...(last && answer.usageMetadata ? { usageMetadata: answer.usageMetadata } : {}),
    ...base,
  });
  const chunks: Record<string, unknown>[] = [];
  for (const piece of splitText(answer.thinking ?? "", options.chunks))
    chunks.push(chunk([{ text: piece, thought: true }]));
  for (const piece of splitText(answer.text, options.chunks)) chunks.push(chunk([{ text: piece }]));
  for (const call of answer.toolCalls) chunks.push(chunk([{ functionCall: functionCall(call) }]));
  chunks.push(chunk([], true));
  return chunks;
}

function functionCall(call: { id?: string; name: string; arguments: string }): Record<string, unknown> {
  let args: unknown = {};
  try {
    args = JSON.parse(call.arguments);
  } catch {
    args = {};
  }
  return { ...(call.id ? { id: call.id } : {}), name: call.name, args };
}
