import { reportTelemetryError } from "../errors/report-telemetry-error.js";
import type { Instrumentation } from "../operation/create-instrumentation.js";
import type { Operation } from "../operation/operation.js";
import type { GenAIRequest, GenAITarget } from "../operation/operation-shapes.js";
import { wrapMethod } from "./wrap-method.js";

/** What a provider says about one call of a method, from its arguments. */
export interface ObservedCall {
  /** The request, mapped before the call. */
  request: GenAIRequest;
  /** Arguments to call the SDK with, when the wrapper adjusts them (e.g. asks for stream usage). Default: the caller's. */
  args?: unknown[];
  /**
   * Follows the SDK's result. Returns nothing when the result is observed in place (the caller
   * gets the SDK's own object); returns a replacement only where the SDK's object cannot be
   * observed in place (e.g. a promise of a generator).
   */
  observe: (result: unknown, operation: Operation) => unknown;
}

/** Options of {@link observeMethod}. */
export interface ObserveMethodOptions {
  instrumentation: Instrumentation;
  /** The object that owns the method, e.g. `client.chat.completions`. */
  owner: object | undefined;
  /** The method's name, e.g. `create`. */
  name: string;
  target: GenAITarget;
  /** Describes one call from its arguments. */
  describe: (args: unknown[]) => ObservedCall;
}

/**
 * Makes every call of one method of one client instance a GenAI operation: the shared wrapper
 * every provider package uses, so how a call is intercepted is decided once. A provider mapping
 * that throws is reported and the call goes through untraced. Returns false when there was
 * nothing to wrap or it was already wrapped.
 */
export function observeMethod(options: ObserveMethodOptions): boolean {
  const { instrumentation, target, describe } = options;
  return wrapMethod({
    owner: options.owner,
    name: options.name,
    wrap: (original) =>
      function observedMethod(this: unknown, ...args: unknown[]) {
        let call: ObservedCall;
        try {
          call = describe(args);
        } catch (error) {
          reportTelemetryError("mapping a request", error);
          return original.apply(this, args);
        }
        let replacement: unknown;
        const result = instrumentation.traceOperation({
          request: call.request,
          target,
          invoke: () => original.apply(this, call.args ?? args),
          observe: (value, operation) => {
            replacement = call.observe(value, operation);
          },
        });
        return replacement === undefined ? result : replacement;
      },
  });
}
