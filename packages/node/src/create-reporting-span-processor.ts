import { TraceFlags } from "@opentelemetry/api";
import type { SpanProcessor } from "@opentelemetry/sdk-trace";
import type { ExportReporter } from "./internal-types.js";

/**
 * Wraps the exporting span processor so that `reporter` counts the spans it takes in, which makes spans
 * dropped from a full queue part of the final count, and says that count when the processor shuts down.
 */
export function createReportingSpanProcessor(options: {
  processor: SpanProcessor;
  reporter: ExportReporter;
}): SpanProcessor {
  const { processor, reporter } = options;
  let shuttingDown = false;
  return {
    onStart: (span, parentContext) => processor.onStart(span, parentContext),
    onEnd(span) {
      // The batch processor takes sampled spans until it shuts down; count exactly those.
      if (!shuttingDown && (span.spanContext().traceFlags & TraceFlags.SAMPLED) !== 0) {
        reporter.recordAccepted(1);
      }
      processor.onEnd(span);
    },
    forceFlush: () => processor.forceFlush(),
    async shutdown() {
      shuttingDown = true;
      reporter.close();
      try {
        await processor.shutdown();
      } finally {
        reporter.report();
      }
    },
  };
}
