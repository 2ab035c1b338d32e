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
  flushOnExit: boolean;
  /** One-time notes for the user, e.g. that Jaeger takes no metrics. */
  notes: string[];
}
