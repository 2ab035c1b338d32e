export { mapLangChainProvider } from "./map-langchain-provider.js";
export { observeLangChainEmbeddings } from "./observe-langchain-embeddings.js";
export { createSightlineCallbackHandler, SightlineCallbackHandler } from "./sightline-callback-handler.js";
export type { SightlineLangChainEmbeddingsOptions, SightlineLangChainOptions } from "./types.js";
