export { detectGoogleGenAITarget } from "./detect-google-genai-target.js";
export { ATTR_GCP_GEMINI_PROMPT_BLOCK_REASON } from "./generate-content/map-generate-content-response.js";
export { type GoogleGenAIClientLike, observeGoogleGenAI } from "./observe-google-genai.js";
export type { ObserveGoogleGenAIOptions } from "./types.js";
