const PROVIDER_NAMES: Readonly<Record<string, string>> = {
  openai: "openai",
  anthropic: "anthropic",
  "aws.bedrock": "aws.bedrock",
  bedrock: "aws.bedrock",
  aws_bedrock: "aws.bedrock",
  "amazon-bedrock": "aws.bedrock",
  "gcp.vertex_ai": "gcp.vertex_ai",
  vertex_ai: "gcp.vertex_ai",
  vertex: "gcp.vertex_ai",
  vertexai: "gcp.vertex_ai",
  "google-vertex": "gcp.vertex_ai",
  "gcp.gemini": "gcp.gemini",
  gemini: "gcp.gemini",
  google: "gcp.gemini",
  "azure.ai.openai": "azure.ai.openai",
  "az.ai.openai": "azure.ai.openai",
  azure: "azure.ai.openai",
  azure_openai: "azure.ai.openai",
  "azure.ai.inference": "azure.ai.inference",
  azure_ai: "azure.ai.inference",
  mistral_ai: "mistral_ai",
  mistral: "mistral_ai",
  mistralai: "mistral_ai",
  deepseek: "deepseek",
  x_ai: "x_ai",
  xai: "x_ai",
  "x-ai": "x_ai",
  groq: "groq",
  together_ai: "together_ai",
  together: "together_ai",
  togetherai: "together_ai",
  fireworks_ai: "fireworks_ai",
  fireworks: "fireworks_ai",
  perplexity: "perplexity",
  openrouter: "openrouter",
};

/**
 * Maps a provider name in any common spelling to its `gen_ai.provider.name` value; an unknown name is returned
 * lower-cased so that user overrides can still target it.
 */
export function normalizeProvider(provider: string): string {
  const key = provider.trim().toLowerCase();
  return PROVIDER_NAMES[key] ?? key;
}

/** Whether a name (already lower-cased) is a provider spelling we know, for `provider/model` strings. */
export function isKnownProviderName(name: string): boolean {
  return name in PROVIDER_NAMES;
}
