import type { SightlineOptions } from "@sightline/core";

/** Options of `sightlineTelemetry()` and `sightlineMiddleware()`: every option the wrappers take. */
export interface SightlineAISDKOptions extends SightlineOptions {
  /**
   * Start an `invoke_agent` span for each top-level AI SDK call (generateText, streamText,
   * generateObject, streamObject, embed, embedMany, ToolLoopAgent runs), with the call's model
   * spans and tool spans under it and `sightline.cost.total` on it. Default: true.
   */
  agentSpans?: boolean;
  /**
   * Record generateObject / streamObject model calls from the telemetry hook. Turn it off when the
   * models you use with them are wrapped with `sightlineMiddleware()`, which then records those calls
   * (and can refuse them in enforce mode), so each call is one span. Default: true.
   */
  objectModelSpans?: boolean;
  /**
   * Record embed / embedMany requests from the telemetry hook. Turn it off when the embedding models
   * you use are wrapped with `sightlineEmbeddingMiddleware()`, which then records those requests (and
   * can refuse them in enforce mode), so each request is one span. Default: true.
   */
  embeddingSpans?: boolean;
}
