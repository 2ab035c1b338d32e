import { collectText, countTokens } from "../count-tokens.js";
import { createSampleFromJsonSchema } from "../create-sample-from-json-schema.js";
import { isRecord } from "../is-record.js";
import type { MockScript, MockToolCall } from "../types.js";

/** The default model text. */
export const DEFAULT_GEMINI_TEXT = "Hello from the Sightline mock.";

/** What one Gemini answer contains, with every script default applied. */
export interface GeminiAnswer {
  /** Model text; empty for a function-call-only answer. */
  text: string;
  /** Thought summary text, sent as a `thought: true` part. */
  thinking?: string;
  /** `functionCall` parts. */
  toolCalls: MockToolCall[];
  /** Candidate `finishReason`. */
  finishReason: string;
  /** `modelVersion`. */
  model: string;
  /** `promptFeedback.blockReason`: no candidates are sent when set. */
  blockReason?: string;
  /** `usageMetadata`, or `undefined` when the script omits usage. */
  usageMetadata: Record<string, number> | undefined;
}

/**
 * Applies the script defaults to a `generateContent` request. Gemini counts cached tokens inside
 * `promptTokenCount` and thoughts outside `candidatesTokenCount`, so `usage.cachedInputTokens` is
 * `cachedContentTokenCount` and `usage.reasoningTokens` is `thoughtsTokenCount`.
 */
export function resolveGeminiAnswer(options: {
  body: unknown;
  script: MockScript;
  model: string;
}): GeminiAnswer {
  const { script } = options;
  const body = isRecord(options.body) ? options.body : {};
  const toolCalls = script.toolCalls ?? [];
  const schema = readGeminiResponseSchema(body);
  const text =
    script.text ??
    (toolCalls.length > 0
      ? ""
      : schema !== undefined
        ? JSON.stringify(createSampleFromJsonSchema(schema))
        : DEFAULT_GEMINI_TEXT);
  const answerText = text + toolCalls.map((call) => call.name + call.arguments).join("");
  const promptTokenCount =
    script.usage?.inputTokens ?? countTokens(collectText([body.systemInstruction, body.contents]));
  const blocked = script.blockReason !== undefined;
  const candidatesTokenCount = blocked ? 0 : (script.usage?.outputTokens ?? countTokens(answerText));
  const thoughtsTokenCount =
    script.usage?.reasoningTokens ?? (script.thinking ? countTokens(script.thinking) : 0);
  const toolUsePromptTokenCount = script.usage?.toolUsePromptTokens;
  const cachedContentTokenCount = script.usage?.cachedInputTokens;
  const usageMetadata: Record<string, number> = { promptTokenCount };
  if (!blocked) usageMetadata.candidatesTokenCount = candidatesTokenCount;
  if (thoughtsTokenCount > 0) usageMetadata.thoughtsTokenCount = thoughtsTokenCount;
  if (toolUsePromptTokenCount !== undefined) usageMetadata.toolUsePromptTokenCount = toolUsePromptTokenCount;
  if (cachedContentTokenCount) usageMetadata.cachedContentTokenCount = cachedContentTokenCount;
  usageMetadata.totalTokenCount =
    promptTokenCount + candidatesTokenCount + thoughtsTokenCount + (toolUsePromptTokenCount ?? 0);
  return {
    text,
    thinking: script.thinking,
    toolCalls,
    finishReason: script.finishReason ?? "STOP",
    model: script.model ?? options.model,
    blockReason: script.blockReason,
    usageMetadata: script.omitUsage ? undefined : usageMetadata,
  };
}

/**
 * The schema of a JSON-mode request: `generationConfig.responseJsonSchema` (what `@ai-sdk/google`
 * sends) or `responseSchema` (its OpenAPI subset, where types are lower case).
 */
function readGeminiResponseSchema(body: Record<string, unknown>): unknown {
  const config = isRecord(body.generationConfig) ? body.generationConfig : undefined;
  if (config?.responseMimeType !== "application/json") return undefined;
  const schema = config.responseJsonSchema ?? config.responseSchema;
  return isRecord(schema) ? schema : undefined;
}
