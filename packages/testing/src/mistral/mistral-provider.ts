import type { MockProvider } from "../internal-types.js";
import { createMistralErrorBody } from "./create-mistral-error-body.js";
import { MISTRAL_PATH_PREFIX, mistralCompletionsRoute, mistralEmbeddingsRoute } from "./mistral-routes.js";

/**
 * The Mistral wire format (La Plateforme, `@mistralai/mistralai` 2.x): chat and FIM completions
 * (plain and SSE) and embeddings, under the `/mistral/` prefix so they never clash with the OpenAI
 * routes: `new Mistral({ apiKey: "test", serverURL: \`${server.url}/mistral\` })`.
 */
export const mistralProvider: MockProvider = {
  name: "mistral",
  routes: [mistralCompletionsRoute, mistralEmbeddingsRoute],
  ownsPath: (path) => path.startsWith(MISTRAL_PATH_PREFIX),
  createErrorBody: createMistralErrorBody,
};
