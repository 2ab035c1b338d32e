import type { Attributes } from "@opentelemetry/api";
import { asFields, asNumber, type GenAIUsage } from "@sightline/core/provider";
import {
  ATTR_SIGHTLINE_OLLAMA_EVAL_DURATION_NS,
  ATTR_SIGHTLINE_OLLAMA_LOAD_DURATION_NS,
  ATTR_SIGHTLINE_OLLAMA_PROMPT_EVAL_DURATION_NS,
  ATTR_SIGHTLINE_OLLAMA_TOTAL_DURATION_NS,
} from "@sightline/core/semconv";

const TIMINGS: readonly [field: string, attribute: string][] = [
  ["total_duration", ATTR_SIGHTLINE_OLLAMA_TOTAL_DURATION_NS],
  ["load_duration", ATTR_SIGHTLINE_OLLAMA_LOAD_DURATION_NS],
  ["prompt_eval_duration", ATTR_SIGHTLINE_OLLAMA_PROMPT_EVAL_DURATION_NS],
  ["eval_duration", ATTR_SIGHTLINE_OLLAMA_EVAL_DURATION_NS],
];

/**
 * Token counts and timings of an Ollama response (the whole one, or a stream's final `done: true`
 * object): `prompt_eval_count` is the input, `eval_count` the output; the four durations are kept as
 * `sightline.ollama.*_ns` attributes, in Ollama's nanoseconds.
 */
export function mapOllamaStats(response: unknown): { usage?: GenAIUsage; attributes?: Attributes } {
  const fields = asFields(response);
  const inputTokens = asNumber(fields.prompt_eval_count);
  const outputTokens = asNumber(fields.eval_count);
  const attributes: Attributes = {};
  for (const [field, attribute] of TIMINGS) {
    const value = asNumber(fields[field]);
    if (value !== undefined) attributes[attribute] = value;
  }
  return {
    usage:
      inputTokens === undefined && outputTokens === undefined ? undefined : { inputTokens, outputTokens },
    attributes: Object.keys(attributes).length > 0 ? attributes : undefined,
  };
}

/** Ollama's `done_reason` as a finish reason; a turn that called a tool says `tool_call` in output messages. */
export function mapOutputFinishReason(doneReason: string | undefined, calledTool: boolean): string {
  if (doneReason === undefined) return "error";
  if (doneReason === "stop") return calledTool ? "tool_call" : "stop";
  return doneReason;
}
