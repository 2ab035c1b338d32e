import type { SignalVerdict } from "./internal-types.js";

/**
 * What a signal returns when nothing crossed, which is almost every observation: one shared frozen array, so the
 * steady state allocates no array per signal per call.
 */
export const noVerdicts: readonly SignalVerdict[] = Object.freeze([]);
