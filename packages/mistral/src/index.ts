export { detectMistralTarget, MISTRAL_PROVIDER_NAME } from "./detect-mistral-target.js";
export { getMistralNativeTelemetryState, type MistralClientLike, observeMistral } from "./observe-mistral.js";
export type { ObserveMistralOptions } from "./types.js";
