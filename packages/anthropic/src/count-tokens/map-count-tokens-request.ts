import { asFields, asString, type GenAIRequest } from "@sightline/core/provider";
import { mapAnthropicToolDefinitions } from "../messages/map-anthropic-tool-definitions.js";
import { mapMessagesInput, mapMessagesSystem } from "../messages/map-messages-input.js";

/**
 * `gen_ai.operation.name` of `messages.countTokens`. Semconv has no well-known value for token
 * counting, and reusing `chat` would put these short, free calls into chat latency histograms,
 * dashboards and drift baselines; a distinct custom value keeps them apart and still lets one
 * filter them in.
 */
export const COUNT_TOKENS_OPERATION = "count_tokens";

/** Maps `messages.countTokens` params to core's request shape. */
export function mapCountTokensRequest(params: unknown): GenAIRequest {
  const body = asFields(params);
  return {
    operation: COUNT_TOKENS_OPERATION,
    model: asString(body.model),
    content: () => ({
      systemInstructions: mapMessagesSystem(body.system),
      inputMessages: mapMessagesInput(body.messages),
      toolDefinitions: mapAnthropicToolDefinitions(body.tools),
    }),
  };
}
