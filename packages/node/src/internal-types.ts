import type { ExporterPreset, OtlpProtocol } from "./types.js";

/** Where one signal goes once options, environment and preset are resolved. */
export type SignalDestination =
  | {
      kind: "otlp";
      /** Where requests go; never holds credentials (they move to an `authorization` header). */
      url: string;
      /** `url` for people to read: `http://***@host/…` when the endpoint had credentials. */
      displayUrl: string;
      headers: Record<string, string>;
      protocol: OtlpProtocol;
    }
  | { kind: "console" }
  | { kind: "none" };

/** Everything `init` needs, resolved and validated before anything starts. */
export interface ExportSettings {
  preset: ExporterPreset;
  serviceName: string | undefined;
  traces: SignalDestination;
  metrics: SignalDestination;
  metricExportIntervalMs: number;
  /** Bound on `flush()`, `shutdown()` and each export request. */
  shutdownTimeoutMs: number;
  /** Bound of one export request, retries included: `OTEL_EXPORTER_OTLP_TIMEOUT`, else `shutdownTimeoutMs`. */
  exportTimeoutMs: number;
  flushOnExit: boolean;
  /** The setup logger: notes and export failures, for people. */
  log: (message: string) => void;
  /** One-time notes for the user, e.g. that Jaeger takes no metrics. */
  notes: string[];
}

/**
 * Counts what one signal's exporter delivers and drops, and tells a person about it: the first failure,
 * the first recovery after it, and the total not delivered at shutdown. Never throws, never logs per item.
 */
export interface ExportReporter {
  /** Items handed to the exporting pipeline (spans ended while sampled); the rest of the count comes from exports. */
  recordAccepted(count: number): void;
  /** An export of `count` items started. */
  recordExportStarted(count: number): void;
  /** That export ended; `error` is set when it failed. */
  recordExportFinished(options: { count: number; failed: boolean; error?: unknown }): void;
  /** Shutdown started: failures from now on go into the final line instead of a line of their own. */
  close(): void;
  /** Says once how many items were not delivered, if any. Closes the reporter. */
  report(): void;
}
