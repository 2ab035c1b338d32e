export { detectOllamaTarget, OLLAMA_PROVIDER_NAME } from "./detect-ollama-target.js";
export { type OllamaClientLike, observeOllama } from "./observe-ollama.js";
export type { ObserveOllamaOptions } from "./types.js";
