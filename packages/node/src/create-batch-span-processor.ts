import { context, diag, TraceFlags } from "@opentelemetry/api";
import { ExportResultCode, suppressTracing } from "@opentelemetry/core";
import type { ReadableSpan, SpanExporter, SpanProcessor } from "@opentelemetry/sdk-trace";
import { keepProcessAliveWhile } from "./keep-process-alive-while.js";

/** Options of {@link createBatchSpanProcessor}; the defaults are the OpenTelemetry SDK's. */
export interface BatchSpanProcessorOptions {
  exporter: SpanExporter;
  /** Spans waiting at most; past it new spans are dropped (and counted by the exporter's reporter). Default 2048. */
  maxQueueSize?: number;
  /** Spans per export request. Default 512. */
  maxExportBatchSize?: number;
  /** How long a span waits for a batch to fill before it is sent anyway. Default 5000 ms. */
  scheduledDelayMillis?: number;
  /** How long one export may take before the processor moves on (the exporter bounds its own request too). */
  exportTimeoutMillis: number;
}

/**
 * A batching span processor like the SDK's `BatchSpanProcessor` (same queue, batch size, delay and
 * export timeout, exports with tracing suppressed, resources' async attributes awaited), except that
 * none of its timers keeps the process alive. The SDK's export-timeout timer is ref'd: an export in
 * flight when a script's work ends (a backend that hangs) held the process for the whole timeout
 * before Node even reported the end of work, so the flush at exit started late and a script took up
 * to twice `shutdownTimeoutMs` to exit. Here the exit hooks see the end of work at once, and their own
 * bounded flush is what keeps the process up.
 */
export function createBatchSpanProcessor(options: BatchSpanProcessorOptions): SpanProcessor {
  const { exporter } = options;
  const maxQueueSize = options.maxQueueSize ?? 2048;
  const maxExportBatchSize = Math.min(options.maxExportBatchSize ?? 512, maxQueueSize);
  const scheduledDelayMillis = options.scheduledDelayMillis ?? 5000;
  let queue: ReadableSpan[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let exporting: Promise<void> | undefined;
  let isShutdown = false;
  /** When shutdown began: its flush sends no new batch once `exportTimeoutMillis` has passed since. */
  let shutdownStartedAt = 0;
  /** When the last export ended undelivered (`performance.now()`), if one has. */
  let lastFailureAt: number | undefined;
  /** Resolves with whether the exporter delivered the batch (false: failed after its retries, or timed out). */
  const exportBatch = (spans: ReadableSpan[]): Promise<boolean> =>
    new Promise((resolve) => {
      const timeout = setTimeout(() => {
        diag.warn(`sightline: a span export took longer than ${options.exportTimeoutMillis} ms; moving on`);
        resolve(false);
      }, options.exportTimeoutMillis);
      unref(timeout);
      const send = () =>
        context.with(suppressTracing(context.active()), () =>
          exporter.export(spans, (result) => {
            clearTimeout(timeout);
            resolve(result.code === ExportResultCode.SUCCESS);
          }),
        );
      const pending = pendingResources(spans);
      if (pending.length === 0) {
        send();
        return;
      }
      Promise.all(pending.map((resource) => resource.waitForAsyncAttributes?.())).then(send, (error) => {
        diag.warn("sightline: a resource's attributes failed; its spans are exported without them", error);
        send();
      });
    });

  /** Sends full batches (or everything, with `all`), one request at a time; callers share the run in progress. */
  const drain = (all: boolean): Promise<void> => {
    if (exporting) return all ? exporting.then(() => drain(true)) : exporting;
    clearTimer();
    const run = sendBatches(all).finally(() => {
      // Cleared here, a microtask after the assignment below, even when there was nothing to send: a run
      // that ended before `exporting` was set must not leave it set for good.
      if (exporting === run) exporting = undefined;
      if (queue.length > 0 && !isShutdown) schedule();
    });
    exporting = run;
    return run;
  };

  const sendBatches = async (all: boolean): Promise<void> => {
    try {
      while (queue.length > 0 && (all || queue.length >= maxExportBatchSize)) {
        // A new request now would only start retry timers past the shutdown bound and hold the process. So would
        // one to an endpoint that failed an export shortly before or since shutdown began (down, hanging or
        // refusing: it fails the next batch the same way, after the exporter's retries, whose ref'd timers run up
        // to its whole timeout from the request's start; such an export in flight when the work ended is also
        // what delayed the exit hooks). An older failure does not count: the endpoint may be back.
        if (isShutdown && performance.now() - shutdownStartedAt >= options.exportTimeoutMillis) break;
        if (
          isShutdown &&
          lastFailureAt !== undefined &&
          shutdownStartedAt - lastFailureAt < options.exportTimeoutMillis
        )
          break;
        const batch = queue.length <= maxExportBatchSize ? queue : queue.slice(0, maxExportBatchSize);
        queue = batch === queue ? [] : queue.slice(maxExportBatchSize);
        lastFailureAt = (await exportBatch(batch)) ? undefined : performance.now();
      }
    } catch (error) {
      diag.warn("sightline: exporting spans failed", error);
    }
  };

  const schedule = (): void => {
    if (timer !== undefined || exporting !== undefined) return;
    timer = setTimeout(() => {
      timer = undefined;
      void drain(true);
    }, scheduledDelayMillis);
    unref(timer);
  };

  const clearTimer = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };

  return {
    onStart: () => {},
    onEnd(span) {
      if (isShutdown || (span.spanContext().traceFlags & TraceFlags.SAMPLED) === 0) return;
      if (queue.length >= maxQueueSize) return;
      queue.push(span);
      if (queue.length >= maxExportBatchSize) void drain(false);
      else schedule();
    },
    // Called by whoever owns the processor (init's bounded flush, or an app's own SDK): held up to the export bound.
    forceFlush: () =>
      keepProcessAliveWhile({ work: () => drain(true), timeoutMs: options.exportTimeoutMillis }),
    async shutdown() {
      if (isShutdown) return;
      isShutdown = true;
      shutdownStartedAt = performance.now();
      clearTimer();
      await keepProcessAliveWhile({
        work: async () => {
          await drain(true);
          await exporter.shutdown();
        },
        timeoutMs: options.exportTimeoutMillis,
      });
    },
  };
}

function pendingResources(spans: readonly ReadableSpan[]): ReadableSpan["resource"][] {
  const pending = new Set<ReadableSpan["resource"]>();
  for (const span of spans) {
    if (span.resource.asyncAttributesPending && span.resource.waitForAsyncAttributes)
      pending.add(span.resource);
  }
  return [...pending];
}

function unref(handle: ReturnType<typeof setTimeout>): void {
  (handle as { unref?: () => void }).unref?.();
}
