import { type GenAITarget, readServerAddress } from "@sightline/core/provider";

/** `gen_ai.provider.name` of a server that speaks the OpenAI API but is none of the hosts Sightline knows. */
export const OPENAI_COMPATIBLE_PROVIDER = "openai_compatible";

/**
 * Hosts of OpenAI-compatible APIs and the `gen_ai.provider.name` each one serves. A row matches the host
 * itself or any sub-domain of it. Semconv v1.41 values where one exists (`azure.ai.openai`, `groq`,
 * `deepseek`, `x_ai`, `mistral_ai`, `gcp.gemini`, `gcp.vertex_ai`, `perplexity`, `aws.bedrock`), our own
 * documented values otherwise (`openrouter`, `together_ai`, `fireworks_ai`, `cerebras`, ...).
 */
const HOST_PROVIDERS: readonly (readonly [domain: string, provider: string])[] = [
  ["api.openai.com", "openai"],
  ["openai.azure.com", "azure.ai.openai"],
  ["cognitiveservices.azure.com", "azure.ai.openai"],
  ["services.ai.azure.com", "azure.ai.inference"],
  ["api.groq.com", "groq"],
  ["api.deepseek.com", "deepseek"],
  ["api.x.ai", "x_ai"],
  ["api.together.xyz", "together_ai"],
  ["api.together.ai", "together_ai"],
  ["openrouter.ai", "openrouter"],
  ["api.mistral.ai", "mistral_ai"],
  ["generativelanguage.googleapis.com", "gcp.gemini"],
  ["aiplatform.googleapis.com", "gcp.vertex_ai"],
  ["api.perplexity.ai", "perplexity"],
  ["api.fireworks.ai", "fireworks_ai"],
  ["api.cerebras.ai", "cerebras"],
  ["api.moonshot.ai", "moonshot_ai"],
  ["api.moonshot.cn", "moonshot_ai"],
  ["api.deepinfra.com", "deepinfra"],
  ["api.sambanova.ai", "sambanova"],
  ["router.huggingface.co", "huggingface"],
];

/** Ollama's default port, distinctive enough to name Ollama on any host (a LAN box, a `ollama` container). */
const OLLAMA_PORT = 11434;

/** Default ports of local servers, trusted only on a loopback address (elsewhere 8000/8080 mean nothing). */
const LOOPBACK_PORT_PROVIDERS: ReadonlyMap<number, string> = new Map([
  [8000, "vllm"],
  [1234, "lm_studio"],
  [8080, "llama_cpp"],
]);

const IPV4_LOOPBACK = /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;

/**
 * Works out `gen_ai.provider.name`, `server.address` and `server.port` from the client's base URL.
 * In order: the `providerName` option; the `AzureOpenAI` client class; the host table above (regional Vertex AI
 * and Bedrock's `bedrock-*.amazonaws.com` too); Ollama's port 11434; vLLM (8000), LM Studio (1234) and llama.cpp (8080)
 * on loopback; anything else is `openai_compatible`. A host that is not OpenAI is never reported as `openai`.
 */
export function detectOpenAITarget(options: {
  baseURL: unknown;
  isAzureClient: boolean;
  providerName?: string;
}): GenAITarget {
  const { serverAddress, serverPort, host } = readServerAddress(options.baseURL);
  const provider =
    options.providerName ||
    (options.isAzureClient ? "azure.ai.openai" : undefined) ||
    (host ? detectHostProvider(host, serverPort) : undefined) ||
    OPENAI_COMPATIBLE_PROVIDER;
  return { provider, serverAddress, serverPort };
}

function detectHostProvider(host: string, port: number | undefined): string | undefined {
  const known = HOST_PROVIDERS.find(([domain]) => host === domain || host.endsWith(`.${domain}`));
  if (known) return known[1];
  // Regional hosts put the region before a dash: `us-central1-aiplatform.googleapis.com`.
  if (host.endsWith("-aiplatform.googleapis.com")) return "gcp.vertex_ai";
  if (host.endsWith(".amazonaws.com") && host.startsWith("bedrock")) return "aws.bedrock";
  if (port === OLLAMA_PORT) return "ollama";
  if (port !== undefined && isLoopback(host)) return LOOPBACK_PORT_PROVIDERS.get(port);
  return undefined;
}

function isLoopback(host: string): boolean {
  return (
    host === "localhost" ||
    host.endsWith(".localhost") ||
    IPV4_LOOPBACK.test(host) ||
    host === "[::1]" ||
    host === "0.0.0.0"
  );
}
