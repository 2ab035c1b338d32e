import type { SightlineOptions } from "@sightline/core";

/** Options of `sightlineTelemetry()` and `sightlineMiddleware()`: every option the wrappers take. */
export interface SightlineAISDKOptions extends SightlineOptions {
  /**
   * Start an `invoke_agent` span for each top-level AI SDK call (generateText, streamText,
   * generateObject, streamObject, embed, embedMany, ToolLoopAgent runs), with the call's model
   * spans and tool spans under it and `sightline.cost.total` on it. Default: true.
   */
  agentSpans?: boolean;
}
