import { collectText, countTokens } from "../count-tokens.js";
import { createSampleFromJsonSchema } from "../create-sample-from-json-schema.js";
import { isRecord } from "../is-record.js";
import type { ResolvedToolCall } from "../openai/resolve-openai-answer.js";
import { resolveResponseModel } from "../resolve-response-model.js";
import type { MockScript } from "../types.js";

/** The default assistant text. */
export const DEFAULT_ANTHROPIC_TEXT = "Hello from the Sightline mock.";

/** Anthropic usage as sent: `input_tokens` excludes both cache counts, unlike OpenAI's. */
export interface AnthropicUsage {
  inputTokens: number;
  outputTokens: number;
  cacheReadInputTokens: number;
  cacheCreationInputTokens: number;
}

/** What one Anthropic answer contains, with every script default applied. */
export interface AnthropicAnswer {
  /** Assistant text; empty for a tool-use-only answer. */
  text: string;
  /** Thinking text, when the script asks for a thinking block. */
  thinking?: string;
  /** `tool_use` blocks. */
  toolCalls: ResolvedToolCall[];
  /** `stop_reason`. */
  stopReason: string;
  /** Response model. */
  model: string;
  /** Usage, or `undefined` when the script omits it (sent as zeros: Anthropic always sends usage). */
  usage: AnthropicUsage | undefined;
}

/** Applies the script defaults to a `/v1/messages` request. */
export function resolveAnthropicAnswer(options: {
  body: unknown;
  script: MockScript;
  sequence: number;
}): AnthropicAnswer {
  const { script, sequence } = options;
  const body = isRecord(options.body) ? options.body : {};
  const toolCalls = (script.toolCalls ?? []).map((call, index) => ({
    id: call.id ?? `toolu_mock_${sequence}_${index}`,
    name: call.name,
    arguments: call.arguments,
  }));
  const schema = readAnthropicOutputSchema(body);
  const text =
    script.text ??
    (toolCalls.length > 0
      ? ""
      : schema !== undefined
        ? JSON.stringify(createSampleFromJsonSchema(schema))
        : DEFAULT_ANTHROPIC_TEXT);
  const answerText =
    text + (script.thinking ?? "") + toolCalls.map((call) => call.name + call.arguments).join("");
  const usage = script.omitUsage
    ? undefined
    : {
        inputTokens: script.usage?.inputTokens ?? countTokens(collectText([body.system, body.messages])),
        outputTokens: script.usage?.outputTokens ?? countTokens(answerText),
        cacheReadInputTokens: script.usage?.cachedInputTokens ?? 0,
        cacheCreationInputTokens: script.usage?.cacheCreationInputTokens ?? 0,
      };
  return {
    text,
    thinking: script.thinking,
    toolCalls,
    stopReason: script.finishReason ?? (toolCalls.length > 0 ? "tool_use" : "end_turn"),
    model: script.model ?? resolveResponseModel(body.model, "claude-mock"),
    usage,
  };
}

/**
 * The JSON schema of a structured-output request: `output_config.format` (what `@ai-sdk/anthropic`
 * sends) or the older `output_format`, when its type is `json_schema`.
 */
function readAnthropicOutputSchema(body: Record<string, unknown>): unknown {
  const config = isRecord(body.output_config) ? body.output_config : undefined;
  const format = isRecord(config?.format)
    ? config.format
    : isRecord(body.output_format)
      ? body.output_format
      : undefined;
  return format?.type === "json_schema" && isRecord(format.schema) ? format.schema : undefined;
}
