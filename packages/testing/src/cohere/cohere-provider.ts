import type { MockProvider } from "../internal-types.js";
import { cohereChatRoute } from "./chat-route.js";
import { createCohereErrorBody } from "./create-cohere-error-body.js";
import { cohereEmbedRoute } from "./embed-route.js";
import { cohereRerankRoute } from "./rerank-route.js";
import { stripCoherePrefix } from "./strip-cohere-prefix.js";

/**
 * The Cohere v2 wire format under `/cohere` (point `CohereClientV2`'s `baseUrl` at
 * `${server.url}/cohere`): chat and its event stream, embed and rerank, and Cohere's error body.
 */
export const cohereProvider: MockProvider = {
  name: "cohere",
  routes: [cohereChatRoute, cohereEmbedRoute, cohereRerankRoute],
  ownsPath: (path) => stripCoherePrefix(path) !== undefined,
  createErrorBody: createCohereErrorBody,
};
