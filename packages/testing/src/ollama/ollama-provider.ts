import type { MockProvider } from "../internal-types.js";
import { chatRoute, embeddingsRoute, embedRoute, generateRoute } from "./ollama-routes.js";

/**
 * The Ollama wire format (its native `/api/*` paths; its OpenAI-compatible `/v1/*` paths are the
 * OpenAI module's): chat, generate (NDJSON when streamed), embed and the legacy embeddings. Errors
 * are Ollama's `{ "error": "message" }`.
 */
export const ollamaProvider: MockProvider = {
  name: "ollama",
  routes: [chatRoute, generateRoute, embedRoute, embeddingsRoute],
  // `/api/v1/` is an OpenAI-compatible prefix (OpenRouter), not Ollama's.
  ownsPath: (path) => path.startsWith("/api/") && !path.startsWith("/api/v1/"),
  createErrorBody: ({ message }) => ({ error: message }),
};
