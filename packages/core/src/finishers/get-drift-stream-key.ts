import type { DriftStreamKey } from "@sightline/drift";
import { ATTR_SIGHTLINE_FEATURE } from "../semconv.js";
import { getModelFamily } from "./get-model-family.js";
import type { FinishedOperation } from "./types.js";

/**
 * The drift stream of a finished call: provider, requested model (or the response model's family),
 * operation and feature. Undefined when no model is known. The drift finisher and the evaluation drift feed
 * share it, so evaluation scores land on the stream of the call they judge.
 */
export function getDriftStreamKey(
  operation: Pick<FinishedOperation, "request" | "target" | "response" | "metricAttributes">,
): DriftStreamKey | undefined {
  const responseModel = operation.response?.model ?? operation.request.model;
  if (!responseModel) return undefined;
  const feature = operation.metricAttributes[ATTR_SIGHTLINE_FEATURE];
  return {
    provider: operation.target.provider,
    // Keyed by what the caller asked for: what answered is observed within the stream, so a gateway that
    // serves another model for the same request is a model change, not a fresh stream with a new baseline.
    model: operation.request.model || getModelFamily(responseModel),
    operation: operation.request.operation,
    ...(typeof feature === "string" ? { feature } : {}),
  };
}
