import type { ResolvedConfig } from "../config/internal-types.js";
import type { GuardEvent, GuardedCall } from "../config/types.js";
import { getSightlineContext } from "../context/with-context.js";
import { reportTelemetryError } from "../errors/report-telemetry-error.js";
import type { SightlineError } from "../errors/sightline-error.js";
import type { GenAIRequest, GenAITarget } from "./operation-shapes.js";

/** The guards' combined decision for one call. */
export interface GuardOutcome {
  /** The first refusal, if any guard refused. */
  refusal?: SightlineError;
  /** True when any guard kept content off this call's span. */
  suppressContent: boolean;
  /** Span events every guard asked for, in order. */
  events: GuardEvent[];
}

/**
 * Runs every guard before a call is sent and merges their verdicts. A guard that throws is
 * reported and skipped — it fails open, so a bug in a guard never blocks the app's calls; only a
 * deliberate refusal does.
 */
export function runCallGuards(options: {
  config: ResolvedConfig;
  request: GenAIRequest;
  target: GenAITarget;
}): GuardOutcome | undefined {
  const { config } = options;
  let outcome: GuardOutcome | undefined;
  try {
    const call: GuardedCall = {
      request: options.request,
      target: options.target,
      context: getSightlineContext(),
      captureContent: config.captureContent,
      meterProvider: config.getMeterProvider(),
    };
    for (const guard of config.beforeCall) {
      try {
        const verdict = guard(call);
        if (!verdict) continue;
        outcome ??= { suppressContent: false, events: [] };
        if (verdict.refuse && !outcome.refusal) outcome.refusal = verdict.refuse;
        if (verdict.suppressContent) outcome.suppressContent = true;
        if (verdict.events) outcome.events.push(...verdict.events);
      } catch (error) {
        reportTelemetryError("a before-call guard", error);
      }
    }
  } catch (error) {
    reportTelemetryError("running before-call guards", error);
  }
  return outcome;
}
