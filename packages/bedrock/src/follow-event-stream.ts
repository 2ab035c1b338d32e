import {
  type AccumulatorSettings,
  followStream,
  type Instrumentation,
  type Operation,
  reportTelemetryError,
  type StreamAccumulator,
} from "@sightline/core/provider";

/**
 * Follows the event stream nested in a resolved output (`output.stream` of ConverseStream, `output.body` of
 * InvokeModelWithResponseStream) in place: the same object keeps its place on the output, only its
 * `Symbol.asyncIterator` is replaced by core's followed iterator over the SDK's own, so the caller reads the
 * same events in the same order. A rejection ends the span as failed; the caller's promise is untouched.
 */
export function followNestedStream(options: {
  instrumentation: Instrumentation;
  result: unknown;
  operation: Operation;
  field: "stream" | "body";
  signal: AbortSignal | undefined;
  createAccumulator: (
    settings: AccumulatorSettings,
    output: Record<string, unknown>,
  ) => StreamAccumulator<unknown>;
}): void {
  const { instrumentation, operation } = options;
  const settings: AccumulatorSettings = {
    captureContent: operation.keepsContent,
    maxContentLength: instrumentation.config.contentMaxBytes,
  };
  Promise.resolve(options.result).then(
    (output) => {
      try {
        const record = output as Record<string, unknown> | undefined;
        const stream = record?.[options.field] as Record<symbol, unknown> | undefined;
        const iterate = stream?.[Symbol.asyncIterator];
        if (!record || !stream || typeof iterate !== "function") {
          operation.succeed({});
          return;
        }
        const source = iterate.bind(stream) as () => AsyncIterator<unknown>;
        stream[Symbol.asyncIterator] = followStream({
          operation,
          iterate: source,
          accumulator: options.createAccumulator(settings, record),
          signal: options.signal,
          abandonedAfterMs: instrumentation.config.abandonedAfterMs,
        });
      } catch (error) {
        reportTelemetryError("following a Bedrock event stream", error);
        if (!operation.isEnded) operation.succeed({});
      }
    },
    (error: unknown) => operation.fail(error),
  );
}
