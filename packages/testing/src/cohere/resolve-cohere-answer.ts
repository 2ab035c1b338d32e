import { collectText, countTokens } from "../count-tokens.js";
import { isRecord } from "../is-record.js";
import type { MockScript, MockToolCall } from "../types.js";

/** The default model text. */
export const DEFAULT_COHERE_TEXT = "Hello from the Sightline mock.";

/** What one Cohere v2 chat answer contains, with every script default applied. */
export interface CohereAnswer {
  /** The `response.id`, shared by every stream event. */
  id: string;
  /** Model text; empty for a tool-call-only answer. */
  text: string;
  /** `message.tool_calls`. */
  toolCalls: MockToolCall[];
  /** `finish_reason`: `COMPLETE`, `MAX_TOKENS`, `STOP_SEQUENCE`, `TOOL_CALL` or `ERROR`. */
  finishReason: string;
  /** `usage` (`billed_units` and `tokens`), or `undefined` when the script omits usage. */
  usage: Record<string, unknown> | undefined;
}

/**
 * Applies the script defaults to a `POST /v2/chat` request. Cohere's v2 chat response names no
 * model, so the script's `model` is not sent. `usage.tokens` and `usage.billed_units` carry the
 * same counts here; `cached_tokens` is sent when the script has cached input tokens.
 */
export function resolveCohereAnswer(options: {
  body: unknown;
  script: MockScript;
  sequence: number;
}): CohereAnswer {
  const { script } = options;
  const body = isRecord(options.body) ? options.body : {};
  const toolCalls = script.toolCalls ?? [];
  const text = script.text ?? (toolCalls.length > 0 ? "" : DEFAULT_COHERE_TEXT);
  const answerText = text + toolCalls.map((call) => call.name + call.arguments).join("");
  const inputTokens = script.usage?.inputTokens ?? countTokens(collectText(body.messages));
  const outputTokens = script.usage?.outputTokens ?? countTokens(answerText);
  const counts = { input_tokens: inputTokens, output_tokens: outputTokens };
  const usage: Record<string, unknown> = { billed_units: counts, tokens: { ...counts } };
  if (script.usage?.cachedInputTokens) usage.cached_tokens = script.usage.cachedInputTokens;
  return {
    id: `cohere-mock-${options.sequence}`,
    text,
    toolCalls,
    finishReason: script.finishReason ?? (toolCalls.length > 0 ? "TOOL_CALL" : "COMPLETE"),
    usage: script.omitUsage ? undefined : usage,
  };
}
