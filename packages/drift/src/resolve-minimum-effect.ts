import type { DriftMinimumEffect } from "./types.js";

/** A minimum effect with both bounds filled in. */
export interface ResolvedMinimumEffect {
  relative: number;
  absolute: number;
}

// What "practically meaningful" means per well-known signal. Latencies are in seconds: a call must move by
// more than 3% and 5 ms, so a loopback's JIT warm-up (a millisecond) never raises a verdict. Token counts:
// 3% and 5 tokens. Ratios and category shares: absolute points only.
const defaultMinimumEffects: Readonly<Record<string, ResolvedMinimumEffect>> = {
  duration: { relative: 0.03, absolute: 0.005 },
  time_to_first_chunk: { relative: 0.03, absolute: 0.005 },
  output_tokens: { relative: 0.03, absolute: 5 },
  input_tokens: { relative: 0.03, absolute: 5 },
  cache_hit_ratio: { relative: 0, absolute: 0.02 },
  finish_reason: { relative: 0, absolute: 0.01 },
  tool_call: { relative: 0, absolute: 0.01 },
  error_type: { relative: 0, absolute: 0.01 },
  refusal: { relative: 0, absolute: 0.01 },
};

const noMinimumEffect: ResolvedMinimumEffect = { relative: 0, absolute: 0 };

function bound(value: number | undefined, fallback: number): number {
  return typeof value === "number" && Number.isFinite(value) && value >= 0 ? value : fallback;
}

/** Merges the caller's minimum effects over the defaults, dropping invalid bounds. */
export function resolveMinimumEffects(
  options: Record<string, DriftMinimumEffect> | undefined,
): Record<string, ResolvedMinimumEffect> {
  const resolved: Record<string, ResolvedMinimumEffect> = { ...defaultMinimumEffects };
  if (options === undefined || options === null || typeof options !== "object") return resolved;
  for (const name of Object.keys(options)) {
    const effect = options[name];
    if (effect === undefined || effect === null || typeof effect !== "object") continue;
    const base = resolved[name] ?? noMinimumEffect;
    resolved[name] = {
      relative: bound(effect.relative, base.relative),
      absolute: bound(effect.absolute, base.absolute),
    };
  }
  return resolved;
}

/** The minimum effect in force for one signal (none for a signal without a default or option). */
export function getMinimumEffect(
  effects: Readonly<Record<string, ResolvedMinimumEffect>>,
  signal: string | undefined,
): ResolvedMinimumEffect {
  if (signal === undefined || !Object.hasOwn(effects, signal)) return noMinimumEffect;
  return effects[signal] as ResolvedMinimumEffect;
}
