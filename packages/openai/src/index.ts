export { detectOpenAITarget } from "./detect-openai-target.js";
export { type OpenAIClientLike, observeOpenAI } from "./observe-openai.js";
export type { ObserveOpenAIOptions } from "./types.js";
