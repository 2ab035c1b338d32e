import { type GenAITarget, readServerAddress } from "@sightline/core/provider";

/** `gen_ai.provider.name` of Mistral AI (the semconv value). */
export const MISTRAL_PROVIDER_NAME = "mistral_ai";

/** Works out the provider and server of a client from its base URL; the user's `providerName` wins. */
export function detectMistralTarget(options: { baseURL: unknown; providerName?: string }): GenAITarget {
  const baseURL = options.baseURL instanceof URL ? options.baseURL.href : options.baseURL;
  const { serverAddress, serverPort } = readServerAddress(baseURL);
  return { provider: options.providerName ?? MISTRAL_PROVIDER_NAME, serverAddress, serverPort };
}
