import { type GenAITarget, readServerAddress } from "@sightline/core/provider";

/**
 * The fields of a `GoogleGenAI` client that tell which backend it talks to (some are private in
 * the SDK's types, so they are read untyped).
 */
interface GoogleGenAIBackend {
  /** True for Vertex AI (`vertexai: true`, or `GOOGLE_GENAI_USE_VERTEXAI`), as the client settled it. */
  vertexai?: boolean;
  /** Vertex AI location, e.g. `us-central1` or `global`. */
  location?: string;
  /** The SDK's internal API client; its `getBaseUrl()` returns the settled base URL. */
  apiClient?: { getBaseUrl?: () => string };
}

/**
 * Works out the provider and server of a client: `gcp.vertex_ai` when the client was made for
 * Vertex AI, `gcp.gemini` for the Gemini API (semconv's names for the two backends), unless the
 * user overrides it; the server from the client's base URL, or the backend's default host.
 */
export function detectGoogleGenAITarget(options: { client: object; providerName?: string }): GenAITarget {
  const client = options.client as GoogleGenAIBackend;
  const vertex = client.vertexai === true;
  let baseUrl: string | undefined;
  try {
    baseUrl = client.apiClient?.getBaseUrl?.();
  } catch {
    baseUrl = undefined;
  }
  baseUrl ??= vertex ? defaultVertexUrl(client.location) : "https://generativelanguage.googleapis.com/";
  const { serverAddress, serverPort } = readServerAddress(baseUrl);
  return {
    provider: options.providerName ?? (vertex ? "gcp.vertex_ai" : "gcp.gemini"),
    serverAddress,
    serverPort,
  };
}

function defaultVertexUrl(location: string | undefined): string {
  return !location || location === "global"
    ? "https://aiplatform.googleapis.com/"
    : `https://${location}-aiplatform.googleapis.com/`;
}
