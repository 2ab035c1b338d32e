import { SpanKind } from "@opentelemetry/api";
import type { ResolvedConfig } from "../config/internal-types.js";
import type { GuardEvent } from "../config/types.js";
import { getResolvedContext } from "../context/with-context.js";
import { recordOperationError } from "../errors/record-operation-error.js";
import { reportTelemetryError } from "../errors/report-telemetry-error.js";
import type { SightlineError } from "../errors/sightline-error.js";
import { ATTR_ERROR_TYPE, ATTR_SIGHTLINE_GOVERNANCE_REFUSED } from "../semconv.js";
import { buildRequestAttributes } from "./build-request-attributes.js";
import type { GenAIRequest, GenAITarget } from "./operation-shapes.js";

/**
 * Records a call a guard refused as its own span, ended at once: the request attributes (so it
 * shows where the call would have gone), `error.type` = the error's name, the guards' events and
 * `sightline.governance.refused = true`. No operation metrics and no finishers: nothing was sent,
 * so there is no duration, usage, cost or drift to observe; the guard counts the refusal itself.
 */
export function recordRefusedCall(options: {
  config: ResolvedConfig;
  request: GenAIRequest;
  target: GenAITarget;
  error: SightlineError;
  events: readonly GuardEvent[];
}): void {
  try {
    const { config, request, error } = options;
    const attributes = buildRequestAttributes({
      request,
      target: options.target,
      legacySystemAttribute: config.legacySystemAttribute,
    });
    const resolvedContext = getResolvedContext();
    if (resolvedContext) Object.assign(attributes, resolvedContext.spanAttributes);
    attributes[ATTR_ERROR_TYPE] = error.name;
    attributes[ATTR_SIGHTLINE_GOVERNANCE_REFUSED] = true;
    const name = request.model ? `${request.operation} ${request.model}` : request.operation;
    const span = config.tracer.startSpan(name, { kind: SpanKind.CLIENT, attributes });
    for (const event of options.events) span.addEvent(event.name, event.attributes);
    recordOperationError({ span, config, error });
    span.end();
  } catch (error) {
    reportTelemetryError("recording a refused call", error);
  }
}
