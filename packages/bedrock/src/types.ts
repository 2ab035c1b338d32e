import type { SightlineOptions } from "@sightline/core";

/** Options of `observeBedrock`: every option the other wrappers take. */
export interface ObserveBedrockOptions extends SightlineOptions {}
