import type { RecordedRequest } from "../../types.js";

/** The OpenAI-compatible hosts whose small wire differences the mock speaks. */
export type MockHost =
  | "openai"
  | "azure"
  | "deepseek"
  | "openrouter"
  | "groq"
  | "together"
  | "fireworks"
  | "perplexity"
  | "x_ai"
  | "mistral"
  | "gemini"
  | "ollama"
  | "vllm"
  | "lm_studio"
  | "llama_cpp"
  | "openai_compatible";

/** The header {@link createHostRoutingFetch} sets to the host the client meant to reach. */
export const FORWARDED_HOST_HEADER = "x-forwarded-host";

const DOMAINS: readonly (readonly [domain: string, host: MockHost])[] = [
  ["api.openai.com", "openai"],
  ["openai.azure.com", "azure"],
  ["cognitiveservices.azure.com", "azure"],
  ["api.deepseek.com", "deepseek"],
  ["openrouter.ai", "openrouter"],
  ["api.groq.com", "groq"],
  ["api.together.xyz", "together"],
  ["api.together.ai", "together"],
  ["api.fireworks.ai", "fireworks"],
  ["api.perplexity.ai", "perplexity"],
  ["api.x.ai", "x_ai"],
  ["api.mistral.ai", "mistral"],
  ["generativelanguage.googleapis.com", "gemini"],
];

const LOCAL_PORTS: ReadonlyMap<string, MockHost> = new Map([
  ["11434", "ollama"],
  ["8000", "vllm"],
  ["1234", "lm_studio"],
  ["8080", "llama_cpp"],
]);

/**
 * Which host a request meant to reach: the `x-forwarded-host` header (`host[:port]`) names it; an Azure
 * deployment path is Azure; without either the mock plays api.openai.com, as it always did. A forwarded
 * host it does not know is a generic OpenAI-compatible server; local servers are told by their default port.
 */
export function resolveMockHost(request: RecordedRequest): MockHost {
  const forwarded = request.headers[FORWARDED_HOST_HEADER]?.trim().toLowerCase();
  if (forwarded) {
    const { hostname, port } = splitHost(forwarded);
    const known = DOMAINS.find(([domain]) => hostname === domain || hostname.endsWith(`.${domain}`));
    if (known) return known[1];
    return LOCAL_PORTS.get(port) ?? "openai_compatible";
  }
  return request.path.startsWith("/openai/deployments/") ? "azure" : "openai";
}

function splitHost(value: string): { hostname: string; port: string } {
  const bracket = value.lastIndexOf("]");
  const colon = value.lastIndexOf(":");
  if (colon > bracket && colon >= 0) return { hostname: value.slice(0, colon), port: value.slice(colon + 1) };
  return { hostname: value, port: "" };
}
