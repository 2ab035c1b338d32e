import type { SightlineOptions } from "@sightline/core";

/** Options of `createSightlineTracingProcessor()`: every option the wrappers take, and a few of its own. */
export interface SightlineAgentsOptions extends SightlineOptions {
  /**
   * Record the SDK's model calls (its `response` and `generation` spans) as GenAI `chat` spans when
   * no Sightline-wrapped client records them. Turn it off to keep only agent, tool and workflow
   * spans. Default: true.
   */
  modelSpans?: boolean;
  /**
   * SDK spans and traces kept open at most; past this the oldest is ended as abandoned, so a lost
   * end never grows memory. Default: 10,000.
   */
  maxOpenSpans?: number;
}
