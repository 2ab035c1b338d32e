/**
 * The span processor that keeps one model call one span when `@ai-sdk/otel` (or another tool) traces
 * the same AI SDK calls, in either registration order, and prices the other tool's model spans.
 * `init()` from `@sightline/node` adds it; with a tracer provider built by hand, add it there.
 * @example
 * new NodeSDK({ spanProcessors: [createSightlineSpanProcessor(), new BatchSpanProcessor(exporter)] });
 */
export {
  createSightlineSpanProcessor,
  type SightlineSpanProcessor,
  type SightlineSpanProcessorOptions,
} from "@sightline/core";
export { mapAISDKProvider } from "./map-ai-sdk-provider.js";
export { sightlineEmbeddingMiddleware } from "./sightline-embedding-middleware.js";
export { sightlineMiddleware } from "./sightline-middleware.js";
export { sightlineTelemetry } from "./sightline-telemetry.js";
export type { SightlineAISDKOptions } from "./types.js";
