import { collectText, countTokens } from "../count-tokens.js";
import { isRecord } from "../is-record.js";
import type { MockScript, MockToolCall } from "../types.js";

/** The default model text. */
export const DEFAULT_BEDROCK_TEXT = "Hello from the Sightline mock.";

/** What one Bedrock answer contains, with every script default applied. */
export interface BedrockAnswer {
  text: string;
  toolCalls: MockToolCall[];
  /** Converse `stopReason` (`end_turn`, `tool_use`, `max_tokens`, …); an invoke family maps it to its own. */
  stopReason: string;
  /** The model id the request named (Converse has no response model; an invoke family may echo it). */
  model: string;
  inputTokens: number;
  outputTokens: number;
  cacheReadInputTokens?: number;
  cacheWriteInputTokens?: number;
  omitUsage: boolean;
}

/** Applies the script defaults to a Bedrock request body (Converse or any invoke family). */
export function resolveBedrockAnswer(options: {
  body: unknown;
  script: MockScript;
  model: string;
}): BedrockAnswer {
  const { script } = options;
  const body = isRecord(options.body) ? options.body : {};
  const toolCalls = script.toolCalls ?? [];
  const text = script.text ?? (toolCalls.length > 0 ? "" : DEFAULT_BEDROCK_TEXT);
  const answerText = text + toolCalls.map((call) => call.name + call.arguments).join("");
  const prompt = collectText([body.system, body.messages, body.prompt, body.inputText, body.message]);
  return {
    text,
    toolCalls,
    stopReason: script.finishReason ?? (toolCalls.length > 0 ? "tool_use" : "end_turn"),
    model: script.model ?? options.model,
    inputTokens: script.usage?.inputTokens ?? countTokens(prompt),
    outputTokens: script.usage?.outputTokens ?? countTokens(answerText),
    cacheReadInputTokens: script.usage?.cachedInputTokens,
    cacheWriteInputTokens: script.usage?.cacheCreationInputTokens,
    omitUsage: script.omitUsage === true,
  };
}

/** The tool call's arguments as a JSON value (`{}` when they do not parse). */
export function parseToolInput(call: MockToolCall): unknown {
  try {
    return JSON.parse(call.arguments);
  } catch {
    return {};
  }
}
