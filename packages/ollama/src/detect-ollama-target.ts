import { type GenAITarget, readServerAddress } from "@sightline/core/provider";

/** `gen_ai.provider.name` of this provider: use the semconv value where one exists. */
export const OLLAMA_PROVIDER_NAME = "ollama";

/** Works out the provider and server of a client from its base URL; the user's `providerName` wins. */
export function detectOllamaTarget(options: { baseURL: unknown; providerName?: string }): GenAITarget {
  const { serverAddress, serverPort } = readServerAddress(options.baseURL);
  return { provider: options.providerName ?? OLLAMA_PROVIDER_NAME, serverAddress, serverPort };
}
