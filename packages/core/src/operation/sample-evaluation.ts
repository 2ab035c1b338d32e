import type { ResolvedConfig } from "../config/internal-types.js";
import type { SightlineContext } from "../context/types.js";
import { reportTelemetryError } from "../errors/report-telemetry-error.js";
import type { GenAIRequest, GenAITarget } from "./operation-shapes.js";

/** Asks the evaluation hook whether to evaluate this call; a throwing hook means no. */
export function sampleEvaluation(
  config: ResolvedConfig,
  request: GenAIRequest,
  target: GenAITarget,
  context: Readonly<SightlineContext>,
): boolean {
  try {
    return config.evaluation?.sample({ request, target, context }) === true;
  } catch (error) {
    reportTelemetryError("sampling a call for evaluation", error);
    return false;
  }
}
