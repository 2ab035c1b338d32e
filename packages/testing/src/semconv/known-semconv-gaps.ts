import type { SemconvFinding } from "./semconv-finding.js";

/** A semconv check Sightline is known to fail today, with the issue that fixes it. */
export interface KnownSemconvGap {
  /** The finding's rule. */
  rule: string;
  /** The finding's attribute, when the gap is about one. */
  attribute?: string;
  /** The issue that tracks the fix. */
  issue: string;
  /** What is wrong and who fixes it. */
  reason: string;
}

/**
 * The one list of semconv checks the conformance suite tolerates while their fix is under way elsewhere. The
 * checker still runs them and reports them; the suite only keeps them from failing the run. Remove an entry
 * with the fix that closes it.
 */
export const KNOWN_SEMCONV_GAPS: readonly KnownSemconvGap[] = [
  // Empty: every provider's conformance run passes every check. The `exception-type` check (issue 19's
  // `exception.type` finding) passes since core's recordOperationError names the error class; an entry here
  // would look like `{ rule: "exception-type", attribute: "exception.type", issue: "#19", reason: "..." }`.
];

/** The known gap a finding falls under, if any. */
export function findKnownGap(finding: SemconvFinding): KnownSemconvGap | undefined {
  return KNOWN_SEMCONV_GAPS.find(
    (gap) =>
      gap.rule === finding.rule && (gap.attribute === undefined || gap.attribute === finding.attribute),
  );
}
