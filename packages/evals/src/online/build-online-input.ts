import type { EvaluatedCall } from "@sightline/core";
import { createEvaluationInput } from "../create-evaluation-input.js";
import type { EvaluationInput } from "../types.js";

/**
 * Turns a call core handed over into an evaluator's input, running the provider's content builders now
 * (off the call path). A builder that throws leaves its part empty rather than losing the evaluation.
 */
export function buildOnlineInput(call: EvaluatedCall): EvaluationInput {
  let content: ReturnType<EvaluatedCall["requestContent"]>;
  let output: ReturnType<EvaluatedCall["outputMessages"]>;
  try {
    content = call.requestContent();
  } catch {
    content = undefined;
  }
  try {
    output = call.outputMessages();
  } catch {
    output = undefined;
  }
  return createEvaluationInput({
    input: content?.inputMessages,
    systemInstructions: content?.systemInstructions,
    toolDefinitions: content?.toolDefinitions,
    output: output ?? [],
    model: call.request.model,
    provider: call.target.provider,
    operation: call.request.operation,
    feature: call.context.feature,
  });
}
