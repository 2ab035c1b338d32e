import type { SignalVerdict } from "./internal-types.js";
import type { ResolvedMinimumEffect } from "./resolve-minimum-effect.js";

function reaches(change: number, options: { level: number; effect: ResolvedMinimumEffect }): boolean {
  return change >= options.effect.absolute && change >= options.effect.relative * Math.abs(options.level);
}

function checkScalar(verdict: SignalVerdict, effect: ResolvedMinimumEffect): boolean {
  const { reference, current } = verdict;
  if (reference.mean === undefined || current.mean === undefined) return true;
  const level = reference.mean;
  if (reaches(Math.abs(current.mean - reference.mean), { level, effect })) return true;
  // A distance verdict can be a change of spread alone; its size is the change of standard deviation.
  if (verdict.detector !== "psi" || reference.std === undefined || current.std === undefined) return false;
  return reaches(Math.abs(current.std - reference.std), { level, effect });
}

function checkCategorical(verdict: SignalVerdict, effect: ResolvedMinimumEffect): boolean {
  const reference = verdict.reference.distribution ?? {};
  const current = verdict.current.distribution ?? {};
  for (const category of new Set([...Object.keys(reference), ...Object.keys(current)])) {
    const before = reference[category] ?? 0;
    const after = current[category] ?? 0;
    if (reaches(Math.abs(after - before), { level: before, effect })) return true;
  }
  return false;
}

/**
 * Whether a statistically significant change is also big enough to matter: the mean (or, for a distance
 * verdict, the mean or the spread) of a scalar, or the share of some category, moved by at least both the
 * relative and the absolute bound. A long, steady stream makes a millisecond "significant"; this keeps it quiet.
 */
export function checkPracticalSignificance(options: {
  verdict: SignalVerdict;
  effect: ResolvedMinimumEffect;
}): boolean {
  const { verdict, effect } = options;
  if (effect.absolute <= 0 && effect.relative <= 0) return true;
  if (verdict.reference.mean !== undefined) return checkScalar(verdict, effect);
  return checkCategorical(verdict, effect);
}
