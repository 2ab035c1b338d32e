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
  for (const candidate of [firstSegments(id, 2), firstSegments(id, 1)]) {
    const known = PROVIDER_NAMES[candidate];
    if (known) return { provider: known, model: modelId };
  }
  return { provider: firstSegments(id, 1) || "_OTHER", model: modelId };
}

function firstSegments(id: string, count: number): string {
  return id.split(".").slice(0, count).join(".");
}
