export { mapAISDKProvider } from "./map-ai-sdk-provider.js";
export { sightlineMiddleware } from "./sightline-middleware.js";
export { sightlineTelemetry } from "./sightline-telemetry.js";
export type { SightlineAISDKOptions } from "./types.js";
