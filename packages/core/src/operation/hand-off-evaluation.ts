import type { ResolvedConfig } from "../config/internal-types.js";
import type { EvaluatedCall } from "../config/types.js";
import { reportTelemetryError } from "../errors/report-telemetry-error.js";
import { getDriftStreamKey } from "../finishers/get-drift-stream-key.js";
import type { FinishedOperation } from "../finishers/types.js";
import { createEvaluationDriftFeed } from "./create-evaluation-drift-feed.js";

/**
 * Hands a sampled call that ended successfully to the evaluation hook, which only schedules the work: the
 * content builders are passed, not run, so nothing is mapped on the call path. A throwing hook is reported
 * and never reaches the call.
 */
export function handOffEvaluation(options: { config: ResolvedConfig; finished: FinishedOperation }): void {
  const { config, finished } = options;
  const evaluation = config.evaluation;
  const response = finished.response;
  if (!evaluation || !response || finished.errorType !== undefined) return;
  try {
    const key = config.driftMonitor ? getDriftStreamKey(finished) : undefined;
    // The builders close over the request and response only, not the finished operation (span, context):
    // a queued call holds no more than its evaluation needs.
    const request = finished.request;
    const call: EvaluatedCall = {
      request,
      target: finished.target,
      response,
      context: finished.context,
      spanContext: finished.span.spanContext(),
      requestContent: () => request.content?.(),
      outputMessages: () => response.outputMessages?.(),
      meterProvider: finished.meterProvider,
      tracerProvider: config.tracerProvider,
      drift:
        config.driftMonitor && key
          ? createEvaluationDriftFeed({
              monitor: config.driftMonitor,
              key,
              meterProvider: finished.meterProvider,
            })
          : undefined,
    };
    evaluation.evaluate(call);
  } catch (error) {
    reportTelemetryError("handing a call to online evaluation", error);
  }
}
