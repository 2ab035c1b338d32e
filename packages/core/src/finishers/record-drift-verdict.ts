import type { Attributes, MeterProvider, Span } from "@opentelemetry/api";
import type { DriftVerdict } from "@sightline/drift";
import { getExtraInstruments } from "../metrics/get-extra-instruments.js";
import {
  ATTR_GEN_AI_OPERATION_NAME,
  ATTR_GEN_AI_PROVIDER_NAME,
  ATTR_SIGHTLINE_DRIFT_DETECTOR,
  ATTR_SIGHTLINE_DRIFT_DIRECTION,
  ATTR_SIGHTLINE_DRIFT_KIND,
  ATTR_SIGHTLINE_DRIFT_NEXT,
  ATTR_SIGHTLINE_DRIFT_PREVIOUS,
  ATTR_SIGHTLINE_DRIFT_SCORE,
  ATTR_SIGHTLINE_DRIFT_SIGNAL,
  ATTR_SIGHTLINE_DRIFT_STATISTIC,
  ATTR_SIGHTLINE_DRIFT_THRESHOLD,
  ATTR_SIGHTLINE_FEATURE,
  ATTR_SIGHTLINE_MODEL_FAMILY,
  EVENT_SIGHTLINE_DRIFT,
  EVENT_SIGHTLINE_MODEL_CHANGE,
} from "../semconv.js";

/**
 * Records one drift verdict: a `sightline.drift` (or `sightline.model_change`) event on `span` and one
 * increment of the drift counter that alerts read. The span is the call that crossed the threshold, or the
 * evaluation result whose score did.
 */
export function recordDriftVerdict(options: {
  span: Span;
  meterProvider: MeterProvider;
  verdict: DriftVerdict;
}): void {
  const { span, verdict } = options;
  const base: Attributes = {
    [ATTR_SIGHTLINE_DRIFT_SIGNAL]: verdict.signal,
    [ATTR_SIGHTLINE_DRIFT_DETECTOR]: verdict.detector,
  };
  if (verdict.kind === "model_change") {
    span.addEvent(EVENT_SIGHTLINE_MODEL_CHANGE, {
      ...base,
      ...(verdict.previous !== undefined ? { [ATTR_SIGHTLINE_DRIFT_PREVIOUS]: verdict.previous } : {}),
      ...(verdict.next !== undefined ? { [ATTR_SIGHTLINE_DRIFT_NEXT]: verdict.next } : {}),
    });
  } else {
    span.addEvent(EVENT_SIGHTLINE_DRIFT, {
      ...base,
      [ATTR_SIGHTLINE_DRIFT_STATISTIC]: verdict.statistic,
      [ATTR_SIGHTLINE_DRIFT_THRESHOLD]: verdict.threshold,
      [ATTR_SIGHTLINE_DRIFT_SCORE]: verdict.score,
      ...(verdict.direction ? { [ATTR_SIGHTLINE_DRIFT_DIRECTION]: verdict.direction } : {}),
      ...summaryAttributes("reference", verdict.reference),
      ...summaryAttributes("current", verdict.current),
    });
  }
  getExtraInstruments(options.meterProvider).driftEvents.add(1, {
    [ATTR_GEN_AI_PROVIDER_NAME]: verdict.key.provider,
    [ATTR_GEN_AI_OPERATION_NAME]: verdict.key.operation,
    [ATTR_SIGHTLINE_MODEL_FAMILY]: verdict.key.model,
    ...(verdict.key.feature ? { [ATTR_SIGHTLINE_FEATURE]: verdict.key.feature } : {}),
    [ATTR_SIGHTLINE_DRIFT_KIND]: verdict.kind,
    ...base,
  });
}

function summaryAttributes(prefix: string, summary: DriftVerdict["reference"]): Attributes {
  const attributes: Attributes = { [`sightline.drift.${prefix}.count`]: summary.count };
  if (summary.mean !== undefined) attributes[`sightline.drift.${prefix}.mean`] = summary.mean;
  if (summary.std !== undefined) attributes[`sightline.drift.${prefix}.std`] = summary.std;
  if (summary.distribution)
    attributes[`sightline.drift.${prefix}.distribution`] = JSON.stringify(summary.distribution);
  return attributes;
}
