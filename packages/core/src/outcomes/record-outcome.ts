import { type Attributes, context, diag, type Link, metrics, SpanKind, trace } from "@opentelemetry/api";
import { getSightlineContext } from "../context/with-context.js";
import { reportTelemetryError } from "../errors/report-telemetry-error.js";
import { CORE_SCOPE_NAME } from "../metrics/create-core-instruments.js";
import {
  ATTR_GEN_AI_CONVERSATION_ID,
  ATTR_SIGHTLINE_FEATURE,
  ATTR_SIGHTLINE_OUTCOME_KIND,
  ATTR_SIGHTLINE_OUTCOME_VALUE,
  EVENT_SIGHTLINE_OUTCOME,
} from "../semconv.js";
import { getOutcomeInstruments } from "./get-outcome-instruments.js";
import { resolveOperationReference } from "./resolve-operation-reference.js";
import type { Outcome } from "./types.js";

/**
 * Records the business outcome of an interaction — `resolved`, `deflected`, `escalated` or your
 * own kind — as a `sightline.outcome` span (with the same-named event) linked to the operation
 * when one is given, and as the `sightline.gen_ai.outcomes` counter by kind and feature, so
 * deflection and escalation rates chart and alert next to cost and latency. Never throws.
 * @example
 * recordOutcome({ kind: "escalated", operation: traceparent });
 */
export function recordOutcome(outcome: Outcome): void {
  try {
    const active = getSightlineContext();
    const feature = outcome.feature ?? active.feature;
    const conversationId = outcome.conversationId ?? active.conversationId;
    const metricAttributes: Attributes = { [ATTR_SIGHTLINE_OUTCOME_KIND]: String(outcome.kind) };
    if (feature !== undefined) metricAttributes[ATTR_SIGHTLINE_FEATURE] = feature;
    const attributes: Attributes = { ...metricAttributes };
    if (conversationId !== undefined) attributes[ATTR_GEN_AI_CONVERSATION_ID] = conversationId;
    if (typeof outcome.value === "number" && Number.isFinite(outcome.value)) {
      attributes[ATTR_SIGHTLINE_OUTCOME_VALUE] = outcome.value;
    }
    const target = resolveOperationReference(outcome.operation);
    if (outcome.operation !== undefined && !target) {
      diag.warn("sightline: recordOutcome got no valid span context or traceparent; recording it unlinked");
    }
    const links: Link[] = target ? [{ context: target }] : [];
    const tracer = (outcome.tracerProvider ?? trace.getTracerProvider()).getTracer(CORE_SCOPE_NAME);
    const span = tracer.startSpan(
      EVENT_SIGHTLINE_OUTCOME,
      { kind: SpanKind.INTERNAL, attributes, links },
      context.active(),
    );
    span.addEvent(EVENT_SIGHTLINE_OUTCOME, attributes);
    span.end();
    const meterProvider = outcome.meterProvider ?? metrics.getMeterProvider();
    getOutcomeInstruments(meterProvider).outcomes.add(1, metricAttributes);
  } catch (error) {
    reportTelemetryError("recording an outcome", error);
  }
}
