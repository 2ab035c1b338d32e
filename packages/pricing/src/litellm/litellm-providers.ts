/** How one LiteLLM `litellm_provider` maps onto Sightline's catalog. */
export interface LiteLLMProviderMapping {
  /** `gen_ai.provider.name` the entries are filed under. */
  provider: string;
  /** Key prefixes LiteLLM puts before the provider's own model id (`azure/`, `gemini/`); removed on import. */
  prefixes: readonly string[];
  /** The provider's own price page, which the imported figures stand for. */
  sourceUrl: string;
}

const OPENAI: LiteLLMProviderMapping = {
  provider: "openai",
  prefixes: ["openai/"],
  sourceUrl: "https://platform.openai.com/docs/pricing",
};
const VERTEX: LiteLLMProviderMapping = {
  provider: "gcp.vertex_ai",
  prefixes: ["vertex_ai/"],
  sourceUrl: "https://cloud.google.com/vertex-ai/generative-ai/pricing",
};
const BEDROCK: LiteLLMProviderMapping = {
  provider: "aws.bedrock",
  prefixes: ["bedrock/converse/", "bedrock/invoke/", "bedrock/"],
  sourceUrl: "https://aws.amazon.com/bedrock/pricing/",
};
const COHERE: LiteLLMProviderMapping = {
  provider: "cohere",
  prefixes: ["cohere/", "cohere_chat/"],
  sourceUrl: "https://cohere.com/pricing",
};

/**
 * The LiteLLM providers Sightline wraps or recognises (issue 16's list), keyed by LiteLLM's `litellm_provider`.
 * Every other provider in LiteLLM's map is out of the catalog's scope.
 */
export const LITELLM_PROVIDERS: Readonly<Record<string, LiteLLMProviderMapping>> = {
  openai: OPENAI,
  "text-completion-openai": OPENAI,
  azure: {
    provider: "azure.ai.openai",
    prefixes: ["azure/"],
    sourceUrl: "https://azure.microsoft.com/pricing/details/cognitive-services/openai-service/",
  },
  azure_ai: {
    provider: "azure.ai.inference",
    prefixes: ["azure_ai/"],
    sourceUrl: "https://azure.microsoft.com/pricing/details/ai-foundry-models/",
  },
  anthropic: {
    provider: "anthropic",
    prefixes: ["anthropic/"],
    sourceUrl: "https://docs.anthropic.com/en/docs/about-claude/pricing",
  },
  gemini: {
    provider: "gcp.gemini",
    prefixes: ["gemini/"],
    sourceUrl: "https://ai.google.dev/gemini-api/docs/pricing",
  },
  vertex_ai: VERTEX,
  "vertex_ai-language-models": VERTEX,
  "vertex_ai-text-models": VERTEX,
  "vertex_ai-embedding-models": VERTEX,
  "vertex_ai-anthropic_models": VERTEX,
  "vertex_ai-mistral_models": VERTEX,
  "vertex_ai-llama_models": VERTEX,
  "vertex_ai-ai21_models": VERTEX,
  "vertex_ai-deepseek_models": VERTEX,
  "vertex_ai-qwen_models": VERTEX,
  "vertex_ai-openai_models": VERTEX,
  "vertex_ai-minimax_models": VERTEX,
  "vertex_ai-moonshot_models": VERTEX,
  "vertex_ai-zai_models": VERTEX,
  bedrock: BEDROCK,
  bedrock_converse: BEDROCK,
  mistral: {
    provider: "mistral_ai",
    prefixes: ["mistral/"],
    sourceUrl: "https://mistral.ai/pricing",
  },
  cohere: COHERE,
  cohere_chat: COHERE,
  xai: { provider: "x_ai", prefixes: ["xai/"], sourceUrl: "https://docs.x.ai/docs/models" },
  deepseek: {
    provider: "deepseek",
    prefixes: ["deepseek/"],
    sourceUrl: "https://api-docs.deepseek.com/quick_start/pricing",
  },
  groq: { provider: "groq", prefixes: ["groq/"], sourceUrl: "https://groq.com/pricing" },
  together_ai: {
    provider: "together_ai",
    prefixes: ["together_ai/"],
    sourceUrl: "https://www.together.ai/pricing",
  },
  fireworks_ai: {
    provider: "fireworks_ai",
    prefixes: ["fireworks_ai/"],
    sourceUrl: "https://fireworks.ai/pricing",
  },
  openrouter: {
    provider: "openrouter",
    prefixes: ["openrouter/"],
    sourceUrl: "https://openrouter.ai/models",
  },
  perplexity: {
    provider: "perplexity",
    prefixes: ["perplexity/"],
    sourceUrl: "https://docs.perplexity.ai/guides/pricing",
  },
};

/**
 * LiteLLM `mode`s the catalog prices: chat, embedding, image, audio and rerank models (issue 16). Video, OCR,
 * search, guardrail and vector-store products are billed in ways no wrapped client reports.
 */
export const LITELLM_MODES: ReadonlySet<string> = new Set([
  "chat",
  "completion",
  "responses",
  "realtime",
  "embedding",
  "image_generation",
  "image_edit",
  "audio_transcription",
  "audio_speech",
  "rerank",
  "moderation",
]);
