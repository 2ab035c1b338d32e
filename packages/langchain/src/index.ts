export { mapLangChainProvider } from "./map-langchain-provider.js";
export { observeLangChainEmbeddings } from "./observe-langchain-embeddings.js";
export { observeLangChainModel } from "./observe-langchain-model.js";
export {
  registerSightlineCallbackHandler,
  SIGHTLINE_HANDLER_CONTEXT_VARIABLE,
} from "./register-sightline-callback-handler.js";
export { createSightlineCallbackHandler, SightlineCallbackHandler } from "./sightline-callback-handler.js";
export type { SightlineLangChainEmbeddingsOptions, SightlineLangChainOptions } from "./types.js";
