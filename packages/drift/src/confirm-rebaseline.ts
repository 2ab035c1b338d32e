import type { RebaselineCandidate, VerdictEvidence } from "./internal-types.js";

// A crossing during confirmation is a new change when its level differs from the known one by more than three
// standard errors. Crossings of one lasting change pool into the known level, capped at 100 values because
// each crossing's estimate is biased by where its run started. A quiet stretch of at least 50 values since
// the last crossing is a second reference point: the stream went back, so a crossing after it is new.
// Tuned on the bench's "false alarm then a change" and "lasting step" scenarios (see docs/drift.md).
const newLevelZ = 3;
const levelCountLimit = 100;
const quietMinimum = 50;

/** Starts collecting a new reference after a verdict whose evidence sits at `evidence.shift`. */
export function createRebaselineCandidate(evidence: VerdictEvidence): RebaselineCandidate {
  const count = Math.max(1, evidence.count);
  return {
    sum: 0,
    count: 0,
    level: evidence.shift,
    levelCount: count,
    reported: evidence.shift,
    reportedCount: count,
    bufferSum: 0,
  };
}

/** Adds one value, standardised against the armed reference, to the forming reference. */
export function addToRebaselineCandidate(candidate: RebaselineCandidate, standardized: number): void {
  candidate.sum += standardized;
  candidate.count += 1;
  candidate.bufferSum = (candidate.bufferSum ?? 0) + standardized;
}

/**
 * Whether a crossing while a new reference forms reports a change of its own, rather than the change already
 * reported. The known level pools the shift of the previous crossing with the values seen since, up to where
 * the new evidence starts. A lasting change crosses again and again at about the same level; a false alarm or a
 * burst is followed by values at the old level, so a real change after it stands out.
 */
export function checkNewLevel(candidate: RebaselineCandidate, evidence: VerdictEvidence): boolean {
  // The stream went back to the armed reference after the verdict (see `watchReturn`): the change reported
  // did not last, so any crossing now is another.
  if (candidate.returned === true) return true;
  const evidenceCount = Math.max(1, Math.min(evidence.count, candidate.count));
  const fromLevel = Math.sqrt(1 / evidenceCount + 1 / candidate.levelCount);
  if (Math.abs(evidence.shift - candidate.level) > newLevelZ * fromLevel) return true;
  const before = Math.max(0, candidate.count - evidenceCount);
  if (before < quietMinimum) return false;
  const quiet = (candidate.sum - evidence.shift * evidenceCount) / before;
  const fromQuiet = Math.sqrt(1 / evidenceCount + 1 / before);
  return Math.abs(evidence.shift - quiet) > newLevelZ * fromQuiet;
}

/** After a crossing at the known level: it becomes the level to compare with, and counting starts afresh. */
export function acknowledgeLevel(candidate: RebaselineCandidate, evidence: VerdictEvidence): void {
  const count = Math.max(1, evidence.count);
  const pooled = candidate.levelCount + count;
  candidate.level = (candidate.level * candidate.levelCount + evidence.shift * count) / pooled;
  candidate.levelCount = Math.min(levelCountLimit, pooled);
  candidate.sum = 0;
  candidate.count = 0;
}

/**
 * After a new change during confirmation: the forming reference restarts where that change's evidence
 * starts (keeping those values), and the new level becomes the known one; the detectors start afresh.
 */
export function restartRebaselineCandidate(options: {
  candidate: RebaselineCandidate;
  buffer: number[];
  evidence: VerdictEvidence;
}): { candidate: RebaselineCandidate; buffer: number[] } {
  const kept = Math.max(0, Math.min(options.evidence.count, options.buffer.length));
  return {
    candidate: {
      sum: 0,
      count: 0,
      level: options.evidence.shift,
      levelCount: Math.max(1, options.evidence.count),
      reported: options.evidence.shift,
      reportedCount: Math.max(1, options.evidence.count),
      bufferSum: options.evidence.shift * kept,
      restarted: true,
    },
    buffer: kept === 0 ? [] : options.buffer.slice(-kept),
  };
}

/**
 * Confirmation before adopting a complete new reference: where it sits, in standard deviations of the armed
 * reference, and whether it falls short of the last reported shift (or lies the other way) by more than
 * three standard errors while still differing from the armed reference by as much; or, once the stream was
 * seen back at the armed reference, whether it differs from that by as much. Such a reference holds a change
 * nobody was told about (a step right after a burst's verdict, say), so adopting it silently would swallow
 * that change. `compared` is the level it was judged against, and `standardError` that comparison's.
 */
export function checkUnreportedShift(
  candidate: RebaselineCandidate,
  options: { count: number; referenceCount: number },
): { shift: number; unreported: boolean; standardError: number; compared: number } {
  const count = Math.max(1, options.count);
  const shift = (candidate.bufferSum ?? 0) / count;
  const fromReference = Math.sqrt(1 / count + 1 / Math.max(1, options.referenceCount));
  const beyondReference = Math.abs(shift) > newLevelZ * fromReference;
  // After a return, the reported change did not last, so a reference away from the armed one is news.
  if (candidate.returned === true)
    return { shift, unreported: beyondReference, standardError: fromReference, compared: 0 };
  const reportedCount = Math.max(1, candidate.reportedCount ?? candidate.levelCount);
  const fromReported = Math.sqrt(1 / count + 1 / reportedCount);
  const reported = candidate.reported ?? candidate.level;
  // Settling beyond the reported shift, in its direction, is the reported change (its first estimate is
  // diluted by the values before it); settling short of it, or the other way, is news.
  const shortOfReported = Math.sign(shift) !== Math.sign(reported) || Math.abs(shift) < Math.abs(reported);
  const unreported =
    shortOfReported && beyondReference && Math.abs(shift - reported) > newLevelZ * fromReported;
  return { shift, unreported, standardError: fromReported, compared: reported };
}
