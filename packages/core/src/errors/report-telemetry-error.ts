import { diag } from "@opentelemetry/api";

const MAX_DISTINCT_REPORTS = 100;
const reported = new Set<string>();

/**
 * Reports a failure inside Sightline's own telemetry code through OTel's `diag` at warn level.
 * Each distinct step and message is reported once, so a bug hit on every call cannot flood logs;
 * the set is bounded so memory stays bounded too.
 */
export function reportTelemetryError(step: string, error: unknown): void {
  try {
    const message = error instanceof Error ? error.message : String(error);
    const key = `${step}: ${message}`;
    if (reported.has(key)) return;
    if (reported.size < MAX_DISTINCT_REPORTS) reported.add(key);
    diag.warn(`sightline: ${step} failed; the call itself is unaffected`, error);
  } catch {
    // Reporting must never throw into the caller either.
  }
}
