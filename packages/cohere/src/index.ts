export { detectCohereTarget } from "./detect-cohere-target.js";
export { mapCohereFinishReason } from "./map-cohere-finish-reason.js";
export { type CohereClientLike, observeCohere } from "./observe-cohere.js";
export { RERANK_OPERATION } from "./rerank/map-rerank-request.js";
export { SEARCH_UNIT } from "./rerank/map-rerank-response.js";
export type { ObserveCohereOptions } from "./types.js";
