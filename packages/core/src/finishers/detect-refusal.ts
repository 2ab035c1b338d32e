import type { DetectRefusal } from "./types.js";

/**
 * Phrases models use to decline, in their first sentence. A deliberately small heuristic: it only
 * has to move with the refusal *rate*, which is what drift detection watches; replace it through
 * `drift.detectRefusal` with a classifier tuned to your product.
 */
const REFUSAL_OPENINGS =
  /^\W*(i['’]m sorry,? but |sorry,? but |i apologi[sz]e,? but |unfortunately,? )?(i|we)\s*(can(['’]|no)t|cannot|am unable to|['’]m unable to|am not able to|won['’]t|will not) (help|assist|provide|comply|do that|fulfil|fulfill|answer|share|support)/i;

/** The default refusal heuristic: does the answer open by declining? */
export const detectRefusal: DetectRefusal = (text) => REFUSAL_OPENINGS.test(text.slice(0, 300));
