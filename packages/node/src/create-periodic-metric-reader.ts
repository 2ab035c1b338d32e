import { context, diag } from "@opentelemetry/api";
import { suppressTracing } from "@opentelemetry/core";
import {
  type MetricProducer,
  MetricReader,
  type PushMetricExporter,
  type ResourceMetrics,
} from "@opentelemetry/sdk-metrics";
import type { ExportReporter } from "./internal-types.js";
import { keepProcessAliveWhile } from "./keep-process-alive-while.js";

/** Options of {@link createPeriodicMetricReader}. */
export interface PeriodicMetricReaderOptions {
  exporter: PushMetricExporter;
  /** How often metrics are collected and exported. */
  exportIntervalMillis: number;
  /** How long one collection and export may take before the reader moves on. */
  exportTimeoutMillis: number;
  /** Told when shutdown starts and ends, so a failure of the last export folds into one final line. */
  reporter?: ExportReporter;
  /** Producers read beside the meter provider's own instruments (Sightline's own aggregation). */
  metricProducers?: MetricProducer[];
}

/**
 * A metric reader that collects and exports every `exportIntervalMillis`, like the SDK's
 * `PeriodicExportingMetricReader` (one export at a time, tracing suppressed, resources' async attributes
 * awaited), except that none of its timers keeps the process alive: the SDK's export timeout is ref'd,
 * so a periodic export hanging in flight when a script's work ended held the process for that timeout
 * before the exit flush could start. At exit the bounded flush keeps the process up instead.
 */
export function createPeriodicMetricReader(options: PeriodicMetricReaderOptions): MetricReader {
  return new PeriodicMetricReader(options);
}

class PeriodicMetricReader extends MetricReader {
  readonly #options: PeriodicMetricReaderOptions;
  #interval: ReturnType<typeof setInterval> | undefined;
  #running: Promise<void> | undefined;

  constructor(options: PeriodicMetricReaderOptions) {
    const { exporter } = options;
    super({
      aggregationSelector: exporter.selectAggregation?.bind(exporter),
      aggregationTemporalitySelector: exporter.selectAggregationTemporality?.bind(exporter),
      metricProducers: options.metricProducers,
    });
    this.#options = options;
  }

  protected override onInitialized(): void {
    this.#interval = setInterval(() => void this.#run(), this.#options.exportIntervalMillis);
    unref(this.#interval);
  }

  protected override onForceFlush(): Promise<void> {
    // Asked for by whoever owns the reader (init's bounded flush, or an app's own SDK): held up to the export bound.
    return keepProcessAliveWhile({
      work: async () => {
        // A run in progress may have collected before the latest points: wait for it, then run again.
        await this.#running;
        await this.#run();
        await this.#options.exporter.forceFlush();
      },
      timeoutMs: this.#options.exportTimeoutMillis,
    });
  }

  protected override async onShutdown(): Promise<void> {
    if (this.#interval !== undefined) clearInterval(this.#interval);
    const { reporter, exporter } = this.#options;
    reporter?.close();
    try {
      await this.onForceFlush();
      await exporter.shutdown();
    } finally {
      reporter?.report();
    }
  }

  /** Collects and exports once, unless a run is already going; never rejects. */
  #run(): Promise<void> {
    this.#running ??= this.#collectAndExport()
      .catch((error: unknown) => diag.warn("sightline: exporting metrics failed", error))
      .finally(() => {
        this.#running = undefined;
      });
    return this.#running;
  }

  async #collectAndExport(): Promise<void> {
    const { exporter, exportTimeoutMillis } = this.#options;
    const { resourceMetrics, errors } = await this.collect({ timeoutMillis: exportTimeoutMillis });
    if (errors.length > 0) diag.warn("sightline: collecting metrics failed in part", ...errors);
    if (resourceMetrics.resource.asyncAttributesPending) {
      await resourceMetrics.resource.waitForAsyncAttributes?.();
    }
    if (resourceMetrics.scopeMetrics.length === 0) return;
    await exportWithin({ exporter, resourceMetrics, timeoutMs: exportTimeoutMillis });
  }
}

/** Hands `resourceMetrics` to the exporter; resolves on its answer or after `timeoutMs`, whichever comes first. */
function exportWithin(options: {
  exporter: PushMetricExporter;
  resourceMetrics: ResourceMetrics;
  timeoutMs: number;
}): Promise<void> {
  return new Promise((resolve) => {
    const timeout = setTimeout(() => {
      diag.warn(`sightline: a metrics export took longer than ${options.timeoutMs} ms; moving on`);
      resolve();
    }, options.timeoutMs);
    unref(timeout);
    context.with(suppressTracing(context.active()), () =>
      options.exporter.export(options.resourceMetrics, () => {
        clearTimeout(timeout);
        resolve();
      }),
    );
  });
}

function unref(handle: ReturnType<typeof setTimeout>): void {
  (handle as { unref?: () => void }).unref?.();
}
