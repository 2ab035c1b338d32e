import type { MeterProvider, TracerProvider } from "@opentelemetry/api";
import { createInstrumentation } from "../operation/create-instrumentation.js";
import type { Operation } from "../operation/operation.js";
import type { GenAIRequest } from "../operation/operation-shapes.js";

/**
 * Starts an operation the way a wrapper does (spans and metrics into the given providers, no cost or drift) and
 * returns it, so a follow helper's test can hand it the call's result. For tests only: not exported.
 */
export function startTestOperation(
  providers: { tracerProvider: TracerProvider; meterProvider: MeterProvider },
  request: GenAIRequest = { operation: "chat", model: "m" },
): Operation {
  const instrumentation = createInstrumentation({
    scopeName: "test",
    scopeVersion: "0",
    options: { ...providers, cost: false, drift: false },
  });
  let operation: Operation | undefined;
  instrumentation.traceOperation({
    request,
    target: { provider: "test" },
    invoke: () => undefined,
    observe: (_result, started) => {
      operation = started;
    },
  });
  return operation as Operation;
}
