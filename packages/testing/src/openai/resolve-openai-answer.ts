import { collectText, countTokens } from "../count-tokens.js";
import { createSampleFromJsonSchema } from "../create-sample-from-json-schema.js";
import { isRecord } from "../is-record.js";
import { resolveResponseModel } from "../resolve-response-model.js";
import type { MockScript } from "../types.js";

/** The default assistant text. */
export const DEFAULT_MOCK_TEXT = "Hello from the Sightline mock.";

/** A tool call with its id settled. */
export interface ResolvedToolCall {
  /** Call id. */
  id: string;
  /** Function name. */
  name: string;
  /** Arguments as a JSON string. */
  arguments: string;
}

/** What one OpenAI-format answer contains, with every script default applied. */
export interface OpenAIAnswer {
  /** Assistant text, or `null` for a tool-call-only answer or a refusal. */
  text: string | null;
  /** The `refusal` text of a declined answer, or `null`. */
  refusal: string | null;
  /** Tool calls, possibly empty. */
  toolCalls: ResolvedToolCall[];
  /** Finish reason. */
  finishReason: string;
  /** Response model. */
  model: string;
  /** Token counts, or `undefined` when the script omits usage. */
  usage:
    | { inputTokens: number; outputTokens: number; cachedInputTokens: number; reasoningTokens: number }
    | undefined;
}

/** Options for {@link resolveOpenAIAnswer}. */
export interface ResolveOpenAIAnswerOptions {
  /** The parsed request body. */
  body: unknown;
  /** The script for this request. */
  script: MockScript;
  /** Per-server request counter, for deterministic ids. */
  sequence: number;
  /** The request part the input token estimate reads (`messages` or `input`). */
  inputField: string;
  /** The structured-output JSON schema of the request, when it asks for one. */
  jsonSchema: unknown;
  /** How many answers the usage covers (chat `n`). Default 1. */
  choices?: number;
}

/** Applies the script defaults shared by chat completions and responses. */
export function resolveOpenAIAnswer(options: ResolveOpenAIAnswerOptions): OpenAIAnswer {
  const { script, sequence } = options;
  const body = isRecord(options.body) ? options.body : {};
  const toolCalls = (script.toolCalls ?? []).map((call, index) => ({
    id: call.id ?? `call_mock_${sequence}_${index}`,
    name: call.name,
    arguments: call.arguments,
  }));
  const refusal = script.refusal ?? null;
  const text =
    refusal !== null ? null : (script.text ?? defaultText(toolCalls.length > 0, options.jsonSchema));
  const answerText = (text ?? refusal ?? "") + toolCalls.map((call) => call.name + call.arguments).join("");
  const usage = script.omitUsage
    ? undefined
    : {
        inputTokens: script.usage?.inputTokens ?? countTokens(collectText(body[options.inputField])),
        outputTokens: script.usage?.outputTokens ?? countTokens(answerText) * (options.choices ?? 1),
        cachedInputTokens: script.usage?.cachedInputTokens ?? 0,
        reasoningTokens: script.usage?.reasoningTokens ?? 0,
      };
  return {
    text,
    refusal,
    toolCalls,
    finishReason: script.finishReason ?? (toolCalls.length > 0 ? "tool_calls" : "stop"),
    model: script.model ?? resolveResponseModel(body.model, "gpt-mock"),
    usage,
  };
}

function defaultText(hasToolCalls: boolean, jsonSchema: unknown): string | null {
  if (jsonSchema !== undefined) return JSON.stringify(createSampleFromJsonSchema(jsonSchema));
  return hasToolCalls ? null : DEFAULT_MOCK_TEXT;
}
