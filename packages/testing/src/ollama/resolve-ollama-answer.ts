import { collectText, countTokens } from "../count-tokens.js";
import { isRecord } from "../is-record.js";
import type { MockScript, MockToolCall } from "../types.js";

/** The default model text. */
export const DEFAULT_OLLAMA_TEXT = "Hello from the Sightline mock.";

/**
 * The timings (nanoseconds) every mock answer reports: fixed, so tests can assert them. Ollama sends
 * `total_duration`, `load_duration`, `prompt_eval_duration` and `eval_duration` on the final object.
 */
export const OLLAMA_MOCK_TIMINGS = {
  total_duration: 5_000_000,
  load_duration: 1_000_000,
  prompt_eval_duration: 1_500_000,
  eval_duration: 2_500_000,
} as const;

/** What one Ollama answer contains, with every script default applied. */
export interface OllamaAnswer {
  text: string;
  toolCalls: MockToolCall[];
  /** `done_reason`. */
  doneReason: string;
  /** `model`: Ollama echoes the request model. */
  model: string;
  /** `prompt_eval_count` / `eval_count`, or undefined when the script omits usage. */
  usage: { prompt_eval_count: number; eval_count: number } | undefined;
}

/** Applies the script defaults to a `/api/chat` or `/api/generate` request body. */
export function resolveOllamaAnswer(options: { body: unknown; script: MockScript }): OllamaAnswer {
  const { script } = options;
  const body = isRecord(options.body) ? options.body : {};
  const toolCalls = script.toolCalls ?? [];
  const text = script.text ?? (toolCalls.length > 0 ? "" : DEFAULT_OLLAMA_TEXT);
  const input = collectText([body.system, body.prompt, body.messages]);
  const answerText = text + toolCalls.map((call) => call.name + call.arguments).join("");
  return {
    text,
    toolCalls,
    doneReason: script.finishReason ?? "stop",
    model: script.model ?? (typeof body.model === "string" ? body.model : "ollama-mock"),
    usage: script.omitUsage
      ? undefined
      : {
          prompt_eval_count: script.usage?.inputTokens ?? countTokens(input),
          eval_count: script.usage?.outputTokens ?? countTokens(answerText),
        },
  };
}

/** Ollama's tool calls: `{ function: { name, arguments } }` with the arguments as an object. */
export function toOllamaToolCalls(toolCalls: readonly MockToolCall[]): unknown[] {
  return toolCalls.map((call) => {
    let args: unknown = {};
    try {
      args = JSON.parse(call.arguments);
    } catch {
      args = {};
    }
    return { function: { name: call.name, arguments: args } };
  });
}
