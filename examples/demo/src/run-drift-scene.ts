import { withContext } from "@sightline/core";
import { inSceneSpan, MODEL, type SceneContext } from "./scene-context.js";

/**
 * Calls that form the drift monitor's reference (its smallest `referenceSize`), then calls after the
 * change: the demo monitor's CUSUM on `output_tokens` crosses its calibrated threshold on the 13th changed
 * call of this script, so 16 leave a margin.
 */
export const REFERENCE_CALLS = 20;
export const CHANGED_CALLS = 16;

/** The feature whose stream drifts; a stream of its own, so the other scenes never feed its reference. */
export const DRIFT_FEATURE = "ticket-summary";

/**
 * Answers that drift with no change of model or fingerprint: the same summarisation prompt gets answers
 * about twice as long after the reference, so only the statistics can tell (a `sightline.drift` event on
 * `output_tokens`), unlike scene 6 where the response model itself changed. Token counts vary a little
 * around each level, as real ones do; the script is fixed, so the verdict lands on the same call every run.
 */
export async function runDriftScene(scene: SceneContext): Promise<void> {
  await scene.announce(
    `8 · drift: same model and fingerprint, answers twice as long after ${REFERENCE_CALLS} calls (${REFERENCE_CALLS + CHANGED_CALLS} calls)`,
  );
  if (!scene.offline) {
    scene.write("  skipped against the real provider: it needs the mock's scripted change\n");
    return;
  }
  const short = "Customer reports a late order; tracking sent.";
  const long = `${short} Address change requested before delivery; agent confirmed the cut-off and promised a follow-up.`;
  for (let call = 0; call < REFERENCE_CALLS + CHANGED_CALLS; call += 1) {
    const changed = call >= REFERENCE_CALLS;
    // A small fixed wobble (±4 tokens) so the reference has the spread real answers have.
    const wobble = ((call * 7) % 9) - 4;
    scene.script({
      text: changed ? long : short,
      usage: { inputTokens: 220, outputTokens: (changed ? 90 : 40) + wobble },
    });
  }
  await inSceneSpan({ tracer: scene.tracer, name: "scene 8: drift" }, async () => {
    for (let call = 0; call < REFERENCE_CALLS + CHANGED_CALLS; call += 1) {
      await withContext({ feature: DRIFT_FEATURE }, () =>
        scene.openai.chat.completions.create({
          model: MODEL,
          messages: [{ role: "user", content: `Summarise support ticket #${2000 + call} in one line.` }],
        }),
      );
    }
  });
}
