import type { InputMessage, MessagePart, OutputMessage, ToolDefinition } from "@sightline/core/provider";
import type { EvaluationInput } from "./types.js";

/** What {@link createEvaluationInput} builds an input from; every field is optional. */
export interface EvaluationInputParts {
  /** The request's messages. Default: none. */
  input?: readonly InputMessage[];
  /** The request's system instructions. */
  systemInstructions?: readonly MessagePart[];
  /** The tools the request declared. */
  toolDefinitions?: readonly ToolDefinition[];
  /** The answer's messages. Default: one assistant message holding `outputText`. */
  output?: readonly OutputMessage[];
  /** The answer's text, when `output` is not given. */
  outputText?: string;
  /** What the dataset row expects. */
  expected?: unknown;
  /** The requested model. */
  model?: string;
  /** `gen_ai.provider.name`. */
  provider?: string;
  /** `gen_ai.operation.name`. */
  operation?: string;
  /** The `withContext` feature. */
  feature?: string;
}

/**
 * Builds an {@link EvaluationInput} from a call's messages, deriving `outputText` (the first choice's text
 * parts, joined) from `output`, or `output` from `outputText`. Used by online evaluation and handy in tests
 * and dataset runs.
 * @example
 * const input = createEvaluationInput({ outputText: '{"city":"Paris"}', expected: { city: "Paris" } });
 */
export function createEvaluationInput(parts: EvaluationInputParts): EvaluationInput {
  const output: readonly OutputMessage[] =
    parts.output ??
    (parts.outputText === undefined
      ? []
      : [{ role: "assistant", parts: [{ type: "text", content: parts.outputText }], finish_reason: "stop" }]);
  const evaluationInput: EvaluationInput = {
    input: parts.input ?? [],
    output,
    outputText:
      parts.output === undefined && parts.outputText !== undefined
        ? parts.outputText
        : readOutputText(output),
  };
  if (parts.systemInstructions) evaluationInput.systemInstructions = parts.systemInstructions;
  if (parts.toolDefinitions) evaluationInput.toolDefinitions = parts.toolDefinitions;
  if (parts.expected !== undefined) evaluationInput.expected = parts.expected;
  if (parts.model !== undefined) evaluationInput.model = parts.model;
  if (parts.provider !== undefined) evaluationInput.provider = parts.provider;
  if (parts.operation !== undefined) evaluationInput.operation = parts.operation;
  if (parts.feature !== undefined) evaluationInput.feature = parts.feature;
  return evaluationInput;
}

/** The first choice's text parts, joined: what most evaluators read. */
export function readOutputText(output: readonly OutputMessage[]): string {
  const first = output[0];
  if (!first) return "";
  let text = "";
  for (const part of first.parts) {
    if (part.type === "text" && typeof part.content === "string") text += part.content;
  }
  return text;
}
