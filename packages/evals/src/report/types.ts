import type { EvalComparison } from "../compare/types.js";
import type { EvalRun } from "../run/types.js";

/** What a report shows: the runs, and their comparison when there is a baseline and a candidate. */
export interface EvalReportInput {
  /** The runs, baseline first when comparing. */
  runs: readonly EvalRun[];
  /** The comparison of the baseline with the candidate. Default: none (run summaries only). */
  comparison?: EvalComparison;
  /** The dataset's name, in the title. Default: the runs' dataset. */
  dataset?: string;
}
