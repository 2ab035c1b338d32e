import { anthropicProvider } from "./anthropic/anthropic-provider.js";
import { bedrockProvider } from "./bedrock/bedrock-provider.js";
import { cohereProvider } from "./cohere/cohere-provider.js";
import { geminiProvider } from "./gemini/gemini-provider.js";
import type { MockProvider } from "./internal-types.js";
import { mistralProvider } from "./mistral/mistral-provider.js";
import { ollamaProvider } from "./ollama/ollama-provider.js";
import { azureOpenAIProvider } from "./openai/hosts/azure-openai-provider.js";
import { openaiProvider } from "./openai/openai-provider.js";
// scripts/new-package.sh --provider adds its import above this line.

/**
 * The wire formats the mock LLM server speaks, one module each; a new provider is one more entry
 * (`scripts/new-package.sh --provider NAME` adds it). Order matters where paths overlap: the first
 * provider whose route matches answers. Azure's deployment paths come before OpenAI's
 * `/chat/completions` route, which would also match them; OpenAI's catch-all `/v1/` comes last so the
 * others' 404 bodies win on their own paths.
 */
export const MOCK_PROVIDERS: readonly MockProvider[] = [
  anthropicProvider,
  geminiProvider,
  ollamaProvider,
  cohereProvider,
  mistralProvider,
  bedrockProvider,
  // scripts/new-package.sh --provider adds its entry above this line.
  azureOpenAIProvider,
  openaiProvider,
];

/** The provider whose error body answers a path no provider owns. */
export const FALLBACK_MOCK_PROVIDER: MockProvider = openaiProvider;
