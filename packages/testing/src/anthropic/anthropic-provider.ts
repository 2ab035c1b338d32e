import type { MockProvider } from "../internal-types.js";
import { countTokensRoute } from "./count-tokens-route.js";
import { createAnthropicErrorBody } from "./create-anthropic-error-body.js";
import { messagesRoute } from "./messages-route.js";

/** The Anthropic Messages wire format: `/v1/messages` (and its beta twin) and token counting. */
export const anthropicProvider: MockProvider = {
  name: "anthropic",
  routes: [messagesRoute, countTokensRoute],
  ownsPath: (path) => path.startsWith("/v1/messages"),
  createErrorBody: createAnthropicErrorBody,
};
