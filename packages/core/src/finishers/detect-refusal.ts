import type { DetectRefusal } from "./types.js";

// The typographic apostrophe is written as `\u2019`: one character outside ASCII in a module makes V8 hold the
// whole bundle's source at two bytes per character.
/**
 * Phrases models use to decline, in their first sentence. A deliberately small heuristic: it only
 * has to move with the refusal *rate*, which is what drift detection watches; replace it through
 * `drift.detectRefusal` with a classifier tuned to your product.
 */
const REFUSAL_OPENINGS =
  /^\W*(i['\u2019]m sorry,? but |sorry,? but |i apologi[sz]e,? but |unfortunately,? )?(i|we)\s*(can(['\u2019]|no)t|cannot|am unable to|['\u2019]m unable to|am not able to|won['\u2019]t|will not) (help|assist|provide|comply|do that|fulfil|fulfill|answer|share|support)/i;

/** The default refusal heuristic: does the answer open by declining? */
export const detectRefusal: DetectRefusal = (text) => REFUSAL_OPENINGS.test(text.slice(0, 300));
