import { asFields, asNumber, type GenAIResponse } from "@sightline/core/provider";

/** The attribute with the counted tokens; the name the SDK's own span uses for it. */
export const ATTR_ANTHROPIC_COUNT_TOKENS_INPUT_TOKENS = "anthropic.message.count_tokens.input_tokens";

/**
 * Maps a `{ input_tokens }` count. The count is recorded as its own attribute, not as usage: no
 * tokens were consumed, so token metrics and cost must not see it.
 */
export function mapCountTokensResponse(body: unknown): GenAIResponse {
  const inputTokens = asNumber(asFields(body).input_tokens);
  return inputTokens === undefined
    ? {}
    : { attributes: { [ATTR_ANTHROPIC_COUNT_TOKENS_INPUT_TOKENS]: inputTokens } };
}
