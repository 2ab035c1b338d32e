import type { MeterProvider, Span } from "@opentelemetry/api";
import type { DriftMonitor, DriftStreamKey } from "@sightline/drift";
import type { EvaluationDriftFeed } from "../config/types.js";
import { reportTelemetryError } from "../errors/report-telemetry-error.js";
import { recordDriftVerdict } from "../finishers/record-drift-verdict.js";

/**
 * A drift feed for one evaluated call: scores go to `monitor` on the call's own stream `key` as scalar
 * signals only (no categories, no identity), so the stream's other signals and its model identity checks
 * are left as the call itself left them.
 */
export function createEvaluationDriftFeed(options: {
  monitor: DriftMonitor;
  key: DriftStreamKey;
  meterProvider: MeterProvider;
}): EvaluationDriftFeed {
  return {
    observe(scalars: Readonly<Record<string, number>>, span: Span): void {
      try {
        const verdicts = options.monitor.observe({ key: options.key, scalars: { ...scalars } });
        for (const verdict of verdicts)
          recordDriftVerdict({ span, meterProvider: options.meterProvider, verdict });
      } catch (error) {
        reportTelemetryError("observing evaluation drift", error);
      }
    },
  };
}
