import { type GenAITarget, readServerAddress } from "@sightline/core/provider";

/** Hosts of OpenAI-compatible APIs and the `gen_ai.provider.name` each one serves. */
const HOST_PROVIDERS: [suffix: string, provider: string][] = [
  ["api.openai.com", "openai"],
  [".openai.azure.com", "azure.ai.openai"],
  [".cognitiveservices.azure.com", "azure.ai.openai"],
  [".services.ai.azure.com", "azure.ai.inference"],
  ["api.groq.com", "groq"],
  ["api.deepseek.com", "deepseek"],
  ["api.x.ai", "x_ai"],
  ["api.together.xyz", "together_ai"],
  ["api.together.ai", "together_ai"],
  ["openrouter.ai", "openrouter"],
  ["api.mistral.ai", "mistral_ai"],
  ["generativelanguage.googleapis.com", "gcp.gemini"],
  ["api.perplexity.ai", "perplexity"],
  ["api.fireworks.ai", "fireworks_ai"],
];

/** Ollama's default port: a local OpenAI-compatible server there is almost surely Ollama. */
const OLLAMA_PORT = 11434;

/**
 * Works out the provider and server from the client's base URL. An unknown host falls back to
 * `openai` (the wire format) with `server.address` naming the real host, as semconv advises.
 */
export function detectOpenAITarget(options: {
  baseURL: unknown;
  isAzureClient: boolean;
  providerName?: string;
}): GenAITarget {
  const { serverAddress, serverPort, host } = readServerAddress(options.baseURL);
  let provider = options.providerName;
  if (!provider && options.isAzureClient) provider = "azure.ai.openai";
  if (!provider && host) {
    provider = HOST_PROVIDERS.find(([suffix]) => host === suffix || host.endsWith(suffix))?.[1];
    if (!provider && serverPort === OLLAMA_PORT) provider = "ollama";
  }
  return { provider: provider ?? "openai", serverAddress, serverPort };
}
