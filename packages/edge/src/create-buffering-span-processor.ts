import { JsonTraceSerializer } from "@opentelemetry/otlp-transformer";
import type { ReadableSpan, SpanProcessor } from "@opentelemetry/sdk-trace";
import type { ExportReporter } from "./create-export-reporter.js";

/** Options of {@link createBufferingSpanProcessor}. */
export interface BufferingSpanProcessorOptions {
  send: (body: Uint8Array) => Promise<boolean>;
  reporter: ExportReporter;
  maxQueuedSpans: number;
  maxExportBatchSize: number;
}

/**
 * A span processor for runtimes without background timers: ended sampled spans wait in a bounded queue,
 * a full batch is sent at once, and `forceFlush()` sends the rest and waits for every request in flight.
 * (The SDK's batch processor exports from a timer, which a Worker isolate may never run after the response.)
 */
export function createBufferingSpanProcessor(options: BufferingSpanProcessorOptions): SpanProcessor {
  let queue: ReadableSpan[] = [];
  const inFlight = new Set<Promise<unknown>>();
  let stopped = false;

  const sendBatch = (spans: ReadableSpan[]) => {
    let request: Promise<unknown>;
    try {
      const body = JsonTraceSerializer.serializeRequest(spans);
      request = body ? options.send(body) : Promise.resolve();
    } catch (error) {
      options.reporter.failed(
        "traces",
        `encoding failed: ${error instanceof Error ? error.message : String(error)}`,
      );
      return;
    }
    inFlight.add(request);
    void request.finally(() => inFlight.delete(request));
  };
  const sendQueued = () => {
    while (queue.length > 0) {
      const batch = queue.slice(0, options.maxExportBatchSize);
      queue = queue.slice(batch.length);
      sendBatch(batch);
    }
  };

  return {
    onStart: () => {},
    onEnd(span) {
      if (stopped || (span.spanContext().traceFlags & 1) === 0) return;
      if (queue.length >= options.maxQueuedSpans) {
        options.reporter.dropped(1);
        return;
      }
      queue.push(span);
      if (queue.length >= options.maxExportBatchSize) sendQueued();
    },
    async forceFlush() {
      sendQueued();
      await Promise.all([...inFlight]);
    },
    async shutdown() {
      sendQueued();
      stopped = true;
      await Promise.all([...inFlight]);
    },
  };
}
