import { context, metrics, trace } from "@opentelemetry/api";
import { getDefaultPriceRegistry } from "@sightline/pricing";
import { createCostFinisher } from "./create-cost-finisher.js";
import { createDriftFinisher } from "./create-drift-finisher.js";
import { detectRefusal } from "./detect-refusal.js";
import { getDefaultDriftMonitor } from "./get-default-drift-monitor.js";
import type { FinishedOperation, OperationFinisher, ResolvedConfig } from "./internal-types.js";
import { Operation } from "./operation.js";
import type { GenAIErrorInfo, GenAIRequest, GenAITarget } from "./operation-shapes.js";
import { reportTelemetryError } from "./report-telemetry-error.js";
import { resolveContentCapture } from "./resolve-content-capture.js";
import { SEMCONV_SCHEMA_URL } from "./semconv.js";
import type { SightlineOptions } from "./types.js";

const DEFAULT_CONTENT_MAX_BYTES = 16_384;
const DEFAULT_ABANDONED_AFTER_MS = 60_000;

/** What a provider package passes to describe one call. */
export interface TraceOperationSpec<Result> {
  /** The request, mapped before the call. */
  request: GenAIRequest;
  /** Where it goes. */
  target: GenAITarget;
  /** Makes the real call (the SDK's original method). Its result or error is returned/thrown unchanged. */
  invoke: () => Result;
  /** Wires observation of the result (see `observeApiPromise`, `observePromise`, `followStream`). */
  observe: (result: Result, operation: Operation) => void;
}

/** A configured engine for one wrapped client. */
export interface Instrumentation {
  /** The resolved configuration (read-only). */
  readonly config: Readonly<ResolvedConfig>;
  /**
   * Runs one GenAI operation: starts its span, makes the call inside the span's context (so HTTP
   * spans nest under it), hands the result to `observe`, and returns the result as is. A
   * synchronous throw is recorded and re-thrown unchanged. If telemetry itself fails, the call
   * still runs, untraced.
   */
  traceOperation<Result>(spec: TraceOperationSpec<Result>): Result;
}

/** Options of {@link createInstrumentation}. */
export interface CreateInstrumentationOptions {
  /** Instrumentation scope name, e.g. `@sightline/openai`. */
  scopeName: string;
  /** Instrumentation scope version. */
  scopeVersion: string;
  /** The user's options. */
  options?: SightlineOptions;
  /** Provider-specific `error.type` mapping. Default: the error's class name. */
  mapError?: (error: unknown) => GenAIErrorInfo | undefined;
  /** Steps run after each operation (cost, drift). Default: none. */
  onFinish?: OperationFinisher[];
}

/** Creates the engine a provider wrapper runs its operations through. */
export function createInstrumentation(create: CreateInstrumentationOptions): Instrumentation {
  const options = create.options ?? {};
  const tracerProvider = options.tracerProvider ?? trace.getTracerProvider();
  const config: ResolvedConfig = {
    tracer: tracerProvider.getTracer(create.scopeName, create.scopeVersion, {
      schemaUrl: SEMCONV_SCHEMA_URL,
    }),
    getMeterProvider: options.meterProvider
      ? () => options.meterProvider as NonNullable<SightlineOptions["meterProvider"]>
      : () => metrics.getMeterProvider(),
    scopeName: create.scopeName,
    scopeVersion: create.scopeVersion,
    captureContent: resolveContentCapture(options.captureContent),
    contentMaxBytes: positiveOr(options.contentMaxBytes, DEFAULT_CONTENT_MAX_BYTES),
    redactContent: options.redactContent,
    metrics: options.metrics ?? true,
    chunkTimingMetric: options.chunkTimingMetric ?? true,
    legacySystemAttribute: options.legacySystemAttribute ?? false,
    abandonedAfterMs: positiveOr(options.abandonedAfterMs, DEFAULT_ABANDONED_AFTER_MS),
    mapError: create.mapError,
    onFinish: [],
  };
  config.onFinish = [...createBuiltInFinishers(options, config.captureContent), ...(create.onFinish ?? [])];
  return {
    config,
    traceOperation<Result>(spec: TraceOperationSpec<Result>): Result {
      let operation: Operation;
      try {
        operation = new Operation(config, spec.request, spec.target);
      } catch (error) {
        reportTelemetryError("starting a span", error);
        return spec.invoke();
      }
      let result: Result;
      try {
        result = context.with(trace.setSpan(context.active(), operation.span), spec.invoke);
      } catch (error) {
        operation.fail(error);
        throw error;
      }
      try {
        spec.observe(result, operation);
      } catch (error) {
        reportTelemetryError("observing the result", error);
        operation.succeed({});
      }
      return result;
    },
  };
}

/** Cost first, so the drift observation of a call sees the same span state as its cost. */
function createBuiltInFinishers(options: SightlineOptions, captureContent: boolean): OperationFinisher[] {
  const finishers: OperationFinisher[] = [];
  if (options.cost !== false) {
    const registry = (typeof options.cost === "object" && options.cost.registry) || getDefaultPriceRegistry();
    finishers.push(createCostFinisher({ registry }));
  }
  if (options.drift !== false) {
    const drift = typeof options.drift === "object" ? options.drift : {};
    finishers.push(
      createDriftFinisher({
        monitor: drift.monitor ?? getDefaultDriftMonitor(),
        detectRefusal: drift.detectRefusal ?? detectRefusal,
        captureContent,
      }),
    );
  }
  return finishers;
}

function positiveOr(value: number | undefined, fallback: number): number {
  return typeof value === "number" && value > 0 ? value : fallback;
}

export type { FinishedOperation, OperationFinisher };
