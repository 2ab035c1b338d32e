/** AI SDK provider ids (the part before the first dot of `model.provider`) and their semconv names. */
const PROVIDER_NAMES: Readonly<Record<string, string>> = {
  openai: "openai",
  azure: "azure.ai.openai",
  anthropic: "anthropic",
  "google.generative-ai": "gcp.gemini",
  google: "gcp.gemini",
  "google.vertex": "gcp.vertex_ai",
  vertex: "gcp.vertex_ai",
  "amazon-bedrock": "aws.bedrock",
  bedrock: "aws.bedrock",
  mistral: "mistral_ai",
  cohere: "cohere",
  deepseek: "deepseek",
  groq: "groq",
  xai: "x_ai",
  perplexity: "perplexity",
  "ibm-watsonx": "ibm.watsonx.ai",
  moonshotai: "moonshot_ai",
};

/** Gateway model-string prefixes (`"openai/gpt-4o"`) and their semconv names. */
const GATEWAY_PREFIXES: Readonly<Record<string, string>> = {
  ...PROVIDER_NAMES,
  google: "gcp.gemini",
  vertex: "gcp.vertex_ai",
  bedrock: "aws.bedrock",
};

/**
 * Maps an AI SDK model's `provider` (`openai.responses`, `anthropic.messages`,
 * `google.generative-ai`, `google.vertex.chat`, `amazon-bedrock`, `gateway`) and model id to the
 * semconv `gen_ai.provider.name` and the model name to price. A gateway model id `"provider/model"`
 * names its provider; an unknown provider keeps the AI SDK's own id (before its first dot).
 */
export function mapAISDKProvider(
  provider: string | undefined,
  modelId: string | undefined,
): {
  provider: string;
  model: string | undefined;
} {
  const id = (provider ?? "").toLowerCase();
  if (id === "gateway" || id.startsWith("gateway.")) {
    const slash = modelId?.indexOf("/") ?? -1;
    if (modelId && slash > 0) {
      const prefix = modelId.slice(0, slash).toLowerCase();
      return { provider: GATEWAY_PREFIXES[prefix] ?? prefix, model: modelId.slice(slash + 1) };
    }
    return { provider: "vercel.ai_gateway", model: modelId };
  }
  return { provider: mapProviderId(id), model: modelId };
}

/** `google.vertex.chat` → `gcp.vertex_ai`: the first two segments if known, else the first. */
function mapProviderId(id: string): string {
  const first = id.indexOf(".");
  if (first < 0) return PROVIDER_NAMES[id] ?? (id || "_OTHER");
  const second = id.indexOf(".", first + 1);
  const head = id.slice(0, first);
  return PROVIDER_NAMES[second < 0 ? id : id.slice(0, second)] ?? PROVIDER_NAMES[head] ?? (head || "_OTHER");
}
