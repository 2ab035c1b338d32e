import type { CapturedMetric, CapturedSpan } from "@sightline/otlp";
import type { StoreBatch, StoredBatchResult } from "./create-batch-writer.js";

/** Options of {@link createWriteQueue}. */
export interface WriteQueueOptions {
  /** Writes one batch (in one transaction). */
  write: (batch: StoreBatch) => StoredBatchResult;
  /** Called after each written batch. */
  onWritten: (result: StoredBatchResult) => void;
  /** Called when a batch could not be written (it is dropped). */
  onError: (error: unknown) => void;
  /** Longest wait before queued telemetry is written, in ms. Default 100. */
  intervalMs?: number;
  /** Spans (and metric points) per transaction; a full batch is written without waiting. Default 2,000. */
  batchSize?: number;
  /** Spans and metric points held at most; beyond that new ones are dropped and counted. Default 50,000. */
  maxPending?: number;
}

/** A bounded queue in front of the store: the receiver adds and answers at once; writes happen in batches. */
export interface WriteQueue {
  /** Queues decoded telemetry; what does not fit under the bound is dropped and counted. */
  add(batch: StoreBatch): void;
  /** Spans and metric points waiting. */
  pending(): number;
  /** Spans dropped because the queue was full. */
  dropped(): number;
  /** Metric points dropped because the queue was full. */
  droppedMetricPoints(): number;
  /** Writes everything queued now, synchronously. */
  flush(): void;
  /** Writes what is left and stops the timer; later adds are ignored. */
  close(): void;
}

/**
 * Creates the write queue. Batches are written on a timer (or at once when a batch is full), one batch
 * per turn of the event loop, so a burst of exports never stalls the receiver behind a long write.
 */
export function createWriteQueue(options: WriteQueueOptions): WriteQueue {
  const intervalMs = options.intervalMs ?? 100;
  const batchSize = options.batchSize ?? 2000;
  const maxPending = options.maxPending ?? 50_000;
  let spans: CapturedSpan[] = [];
  const metrics: CapturedMetric[] = [];
  let pendingPoints = 0;
  let dropped = 0;
  let droppedPoints = 0;
  let timer: NodeJS.Timeout | undefined;
  let immediate: NodeJS.Immediate | undefined;
  let closed = false;

  const pending = () => spans.length + pendingPoints;

  function schedule(): void {
    if (closed || pending() === 0) return;
    if (pending() >= batchSize) {
      immediate ??= setImmediate(() => {
        immediate = undefined;
        writeOne();
        schedule();
      });
      return;
    }
    if (timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      writeOne();
      schedule();
    }, intervalMs);
    timer.unref();
  }

  /** Writes up to one batch: spans first, then whole metrics until the batch is full. */
  function writeOne(): void {
    if (pending() === 0) return;
    const batchSpans = spans.slice(0, batchSize);
    spans = spans.slice(batchSpans.length);
    const batchMetrics: CapturedMetric[] = [];
    let room = batchSize - batchSpans.length;
    while (metrics.length > 0 && (room > 0 || batchMetrics.length === 0)) {
      const metric = metrics.shift() as CapturedMetric;
      batchMetrics.push(metric);
      room -= metric.points.length;
      pendingPoints -= metric.points.length;
    }
    try {
      options.onWritten(options.write({ spans: batchSpans, metrics: batchMetrics }));
    } catch (error) {
      options.onError(error);
    }
  }

  function flush(): void {
    while (pending() > 0) writeOne();
  }

  return {
    add(batch) {
      if (closed) return;
      const spanRoom = Math.max(0, maxPending - pending());
      const accepted = batch.spans.length <= spanRoom ? batch.spans : batch.spans.slice(0, spanRoom);
      dropped += batch.spans.length - accepted.length;
      for (const span of accepted) spans.push(span);
      for (const metric of batch.metrics) {
        if (pending() + metric.points.length > maxPending) {
          droppedPoints += metric.points.length;
          continue;
        }
        metrics.push(metric);
        pendingPoints += metric.points.length;
      }
      schedule();
    },
    pending,
    dropped: () => dropped,
    droppedMetricPoints: () => droppedPoints,
    flush,
    close() {
      if (closed) return;
      flush();
      closed = true;
      if (timer) clearTimeout(timer);
      if (immediate) clearImmediate(immediate);
    },
  };
}
