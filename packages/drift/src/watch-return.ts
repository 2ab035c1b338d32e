import type { RebaselineCandidate } from "./internal-types.js";

// Only the first values of a forming reference are watched. A later return shows as a quiet stretch before
// the next crossing (see `checkNewLevel`), but a crossing soon after a verdict has a run that begins at the
// verdict, the burst's tail in it, so no quiet stretch shows. Measured on 200 lasting 0.4σ changes (whose
// reported level is overstated, putting their values near the mid-point): watching all 500 values gave a
// second verdict on 56 (28 without the watch), 100 values on 29, 60 values on 28 (docs/drift.md).
const returnWindow = 60;

/**
 * Adds one value, standardised against the armed reference (the `formed`-th of the forming reference), to the
 * watch for the stream going back to that reference soon after a verdict: a one-sided CUSUM of the log-
 * likelihood ratio between "back at the armed reference" and "at the known level" (per unit of level: the
 * mid-point, half the level, minus the value), with the armed detector's own threshold. A burst that ends is
 * caught; a lasting change is not. Not after a restart (a new change while a reference formed): the values
 * before it sat at the earlier change, not at the armed reference, and its first estimate, overstated, put
 * lasting values at the mid-point.
 */
export function watchReturn(
  candidate: RebaselineCandidate,
  options: { standardized: number; threshold: number; formed: number },
): void {
  if (candidate.returned === true || candidate.restarted === true || options.formed > returnWindow) return;
  const level = candidate.level;
  const step = Math.sign(level) * (level / 2 - options.standardized);
  const statistic = Math.max(0, (candidate.returnStatistic ?? 0) + step);
  candidate.returnStatistic = statistic;
  if (statistic > options.threshold) candidate.returned = true;
}
