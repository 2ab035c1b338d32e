import type { SightlineOptions } from "@sightline/core";

/** Options of `observeCohere`: every option the other wrappers take. */
export interface ObserveCohereOptions extends SightlineOptions {}
