import type { SightlineOptions } from "@sightline/core";

/** Options of `observeOllama`: every option the other wrappers take. */
export interface ObserveOllamaOptions extends SightlineOptions {}
