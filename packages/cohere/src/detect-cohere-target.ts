import { asFields, type GenAITarget, readServerAddress } from "@sightline/core/provider";

/** `gen_ai.provider.name` of this provider: the semconv value. */
export const COHERE_PROVIDER_NAME = "cohere";

/** Cohere's production API, what `cohere-ai` calls when given neither `baseUrl` nor `environment`. */
export const COHERE_DEFAULT_BASE_URL = "https://api.cohere.com";

/**
 * Works out the provider and server of a `CohereClientV2` from its options (`baseUrl`, then
 * `environment`; a supplier function is not called, so the default server stands then); the
 * user's `providerName` wins.
 */
export function detectCohereTarget(options: { client: unknown; providerName?: string }): GenAITarget {
  const clientOptions = asFields(asFields(options.client)._options);
  const baseURL = [clientOptions.baseUrl, clientOptions.environment].find(
    (value): value is string => typeof value === "string" && value !== "",
  );
  const { serverAddress, serverPort } = readServerAddress(baseURL ?? COHERE_DEFAULT_BASE_URL);
  return { provider: options.providerName ?? COHERE_PROVIDER_NAME, serverAddress, serverPort };
}
