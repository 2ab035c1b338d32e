/** `gen_ai.provider.name` by LangChain model class name (the last item of its serialized id). */
const PROVIDER_BY_CLASS: Readonly<Record<string, string>> = {
  ChatOpenAI: "openai",
  OpenAI: "openai",
  OpenAIEmbeddings: "openai",
  AzureChatOpenAI: "azure.ai.openai",
  AzureOpenAI: "azure.ai.openai",
  AzureOpenAIEmbeddings: "azure.ai.openai",
  ChatAnthropic: "anthropic",
  ChatAnthropicMessages: "anthropic",
  ChatGoogleGenerativeAI: "gcp.gemini",
  GoogleGenerativeAIEmbeddings: "gcp.gemini",
  ChatVertexAI: "gcp.vertex_ai",
  VertexAIEmbeddings: "gcp.vertex_ai",
  ChatBedrockConverse: "aws.bedrock",
  BedrockChat: "aws.bedrock",
  BedrockEmbeddings: "aws.bedrock",
  ChatMistralAI: "mistral_ai",
  MistralAIEmbeddings: "mistral_ai",
  ChatOllama: "ollama",
  Ollama: "ollama",
  OllamaEmbeddings: "ollama",
  ChatGroq: "groq",
  ChatCohere: "cohere",
  CohereEmbeddings: "cohere",
  ChatDeepSeek: "deepseek",
  ChatXAI: "x_ai",
};

/** `gen_ai.provider.name` by LangChain's own `ls_provider` run metadata. */
const PROVIDER_BY_LS_PROVIDER: Readonly<Record<string, string>> = {
  openai: "openai",
  azure: "azure.ai.openai",
  anthropic: "anthropic",
  google_genai: "gcp.gemini",
  google_vertexai: "gcp.vertex_ai",
  amazon_bedrock: "aws.bedrock",
  bedrock: "aws.bedrock",
  mistral: "mistral_ai",
  mistralai: "mistral_ai",
  ollama: "ollama",
  groq: "groq",
  cohere: "cohere",
  deepseek: "deepseek",
  xai: "x_ai",
};

/**
 * The provider of a LangChain model, read from its class name (`ChatOpenAI` → `openai`,
 * `ChatAnthropic` → `anthropic`, `ChatGoogleGenerativeAI` → `gcp.gemini`, `ChatBedrockConverse` →
 * `aws.bedrock`, `ChatMistralAI` → `mistral_ai`, `ChatOllama` → `ollama`, `AzureChatOpenAI` →
 * `azure.ai.openai`), else from LangChain's `ls_provider` metadata, else the class name in lower case.
 */
export function mapLangChainProvider(className: string | undefined, lsProvider?: unknown): string {
  if (className && PROVIDER_BY_CLASS[className]) return PROVIDER_BY_CLASS[className];
  if (typeof lsProvider === "string" && lsProvider !== "") {
    return PROVIDER_BY_LS_PROVIDER[lsProvider] ?? lsProvider;
  }
  if (className) return className.replace(/^Chat/, "").toLowerCase() || "langchain";
  return "langchain";
}
