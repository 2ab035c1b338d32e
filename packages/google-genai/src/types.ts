import type { SightlineOptions } from "@sightline/core";

/** Options of `observeGoogleGenAI`. `@google/genai` emits no spans of its own, so there is nothing to switch off. */
export interface ObserveGoogleGenAIOptions extends SightlineOptions {}
