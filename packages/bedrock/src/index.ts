export { detectBedrockTarget } from "./detect-bedrock-target.js";
export { type BedrockClientLike, observeBedrock } from "./observe-bedrock.js";
export type { ObserveBedrockOptions } from "./types.js";
