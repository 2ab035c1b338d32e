import {
  PeriodicExportingMetricReader,
  type PeriodicExportingMetricReaderOptions,
} from "@opentelemetry/sdk-metrics";
import type { ExportReporter } from "./internal-types.js";

/**
 * A periodic metric reader that tells `reporter` when its shutdown starts and ends, so a failure of the
 * last export is folded into one final line. A subclass because readers are registered, not wrapped.
 */
class ReportingMetricReader extends PeriodicExportingMetricReader {
  readonly #reporter: ExportReporter;

  constructor(options: PeriodicExportingMetricReaderOptions & { reporter: ExportReporter }) {
    super(options);
    this.#reporter = options.reporter;
  }

  protected override async onShutdown(): Promise<void> {
    this.#reporter.close();
    try {
      await super.onShutdown();
    } finally {
      this.#reporter.report();
    }
  }
}

/** Creates a periodic exporting metric reader whose shutdown ends with `reporter`'s final count. */
export function createReportingMetricReader(
  options: PeriodicExportingMetricReaderOptions & { reporter: ExportReporter },
): PeriodicExportingMetricReader {
  return new ReportingMetricReader(options);
}
