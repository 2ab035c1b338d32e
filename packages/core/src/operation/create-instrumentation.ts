import { context, metrics, type Span, trace } from "@opentelemetry/api";
import { getDefaultPriceRegistry } from "@sightline/pricing";
import type { ResolvedConfig } from "../config/internal-types.js";
import type { CallGuard, OperationEvaluation, SightlineOptions } from "../config/types.js";
import { resolveContentCapture } from "../content/resolve-content-capture.js";
import { getErrorInfo } from "../errors/get-error-info.js";
import { recordOperationError } from "../errors/record-operation-error.js";
import { reportTelemetryError } from "../errors/report-telemetry-error.js";
import { SightlineError } from "../errors/sightline-error.js";
import { createCostFinisher } from "../finishers/create-cost-finisher.js";
import { createDriftFinisher } from "../finishers/create-drift-finisher.js";
import { detectRefusal } from "../finishers/detect-refusal.js";
import { getDefaultDriftMonitor } from "../finishers/get-default-drift-monitor.js";
import type { OperationFinisher } from "../finishers/types.js";
import { resolvePricesOptions } from "../prices/resolve-prices-options.js";
import { startConfiguredPriceRefresh } from "../prices/start-configured-price-refresh.js";
import { resolveRedactor } from "../redaction/resolve-redactor.js";
import type { Redactor } from "../redaction/types.js";
import { ATTR_ERROR_TYPE, SEMCONV_SCHEMA_URL } from "../semconv.js";
import { applyCallContextBridges } from "../stacking/call-context-bridge.js";
import { findForeignGenAIParent } from "../stacking/find-foreign-genai-parent.js";
import { getSightlineOperation, markSightlineOperation } from "../stacking/sightline-operation-context.js";
import { Operation } from "./operation.js";
import type { GenAIErrorInfo, GenAIRequest, GenAITarget } from "./operation-shapes.js";
import { recordRefusedCall } from "./record-refused-call.js";
import { type GuardOutcome, runCallGuards } from "./run-call-guards.js";

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
  /**
   * `performance.now()` at which the call began, when it is recorded after it started (an
   * integration that learns of a call at its end). Default: now.
   */
  startedAt?: number;
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
  /**
   * Marks a span started by hand with `config.tracer` as failed, as an operation's span is: `error.type`,
   * status ERROR, the redacted `exception` event (class name as `exception.type`) and the exception log
   * event. Never throws.
   */
  recordError(span: Span, error: unknown): void;
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
  const captureContent = resolveContentCapture(options.captureContent);
  const hooks = resolveHooks(options.governance);
  const evaluation = resolveEvaluation(options.evaluation);
  const config: ResolvedConfig = {
    tracerProvider,
    tracer: tracerProvider.getTracer(create.scopeName, create.scopeVersion, {
      schemaUrl: SEMCONV_SCHEMA_URL,
    }),
    getMeterProvider: options.meterProvider
      ? () => options.meterProvider as NonNullable<SightlineOptions["meterProvider"]>
      : () => metrics.getMeterProvider(),
    scopeName: create.scopeName,
    scopeVersion: create.scopeVersion,
    metricScope: { name: create.scopeName, version: create.scopeVersion, schemaUrl: SEMCONV_SCHEMA_URL },
    captureContent,
    keepContent: captureContent || evaluation !== undefined,
    evaluation,
    contentMaxBytes: positiveOr(options.contentMaxBytes, DEFAULT_CONTENT_MAX_BYTES),
    redactContent: options.redactContent,
    redactor: resolveRedactor(options.redaction, captureContent),
    getErrorRedactor: createErrorRedactorGetter(options.redaction),
    metrics: options.metrics ?? true,
    chunkTimingMetric: options.chunkTimingMetric ?? true,
    legacySystemAttribute: options.legacySystemAttribute ?? false,
    abandonedAfterMs: positiveOr(options.abandonedAfterMs, DEFAULT_ABANDONED_AFTER_MS),
    mapError: create.mapError,
    onFinish: [],
    beforeCall: hooks.beforeCall,
  };
  config.onFinish = [
    ...createBuiltInFinishers(options, config),
    // After cost, which it reads (budgets spend what the cost finisher priced).
    ...hooks.onFinish,
    ...(create.onFinish ?? []),
  ];
  const runOperation = <Result>(spec: TraceOperationSpec<Result>): Result => {
    const active = context.active();
    // Another Sightline operation (a second wrapper, or an integration that marked the call) is
    // already recording this call: recording it again would count it twice.
    if (getSightlineOperation(active)) return spec.invoke();
    let guards: GuardOutcome | undefined;
    if (config.beforeCall.length > 0) {
      guards = runCallGuards({ config, request: spec.request, target: spec.target });
      if (guards?.refusal) {
        // Thrown before `invoke`: the provider never sees the call.
        recordRefusedCall({
          config,
          request: spec.request,
          target: spec.target,
          error: guards.refusal,
          events: guards.events,
        });
        throw guards.refusal;
      }
    }
    let operation: Operation;
    try {
      operation = new Operation(config, spec.request, spec.target, {
        captureContent: guards?.suppressContent ? false : undefined,
        attachTo: findForeignGenAIParent({ context: active, operation: spec.request.operation }),
        startedAt: spec.startedAt,
      });
    } catch (error) {
      reportTelemetryError("starting a span", error);
      return spec.invoke();
    }
    if (guards && guards.events.length > 0) {
      try {
        for (const event of guards.events) operation.span.addEvent(event.name, event.attributes);
      } catch (error) {
        reportTelemetryError("recording guard events", error);
      }
    }
    let result: Result;
    try {
      const callContext = markSightlineOperation(
        operation.attached ? active : trace.setSpan(active, operation.span),
        operation.mark,
      );
      result = context.with(callContext, spec.invoke);
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
  };
  return {
    config,
    traceOperation<Result>(spec: TraceOperationSpec<Result>): Result {
      // An integration whose framework keeps its own context beside OpenTelemetry's (the OpenAI Agents
      // SDK) may give the call the context of the agent or tool it runs in.
      const active = context.active();
      const bridged = applyCallContextBridges(active, spec.request);
      return bridged === active ? runOperation(spec) : context.with(bridged, () => runOperation(spec));
    },
    recordError(span: Span, error: unknown): void {
      try {
        span.setAttribute(ATTR_ERROR_TYPE, getErrorInfo(error, config.mapError).type);
        recordOperationError({ span, config, error });
      } catch (recordError) {
        reportTelemetryError("recording an error on a span", recordError);
      }
    },
  };
}

/** Cost first, so the drift observation of a call sees the same span state as its cost. */
function createBuiltInFinishers(options: SightlineOptions, config: ResolvedConfig): OperationFinisher[] {
  const finishers: OperationFinisher[] = [];
  if (options.cost !== false) {
    const registry = (typeof options.cost === "object" && options.cost.registry) || getDefaultPriceRegistry();
    finishers.push(createCostFinisher({ registry }));
    // Checked here so a malformed value fails at wrap time; loads run in the background and never block a call.
    const prices = resolvePricesOptions(options.prices);
    if (prices) startConfiguredPriceRefresh({ registry, settings: prices });
  }
  if (options.drift !== false) {
    const drift = typeof options.drift === "object" ? options.drift : {};
    // Kept on the config: evaluation scores of this client's calls go to the same monitor.
    config.driftMonitor = drift.monitor ?? getDefaultDriftMonitor();
    finishers.push(
      createDriftFinisher({
        monitor: config.driftMonitor,
        detectRefusal: drift.detectRefusal ?? detectRefusal,
        captureContent: config.captureContent,
      }),
    );
  }
  return finishers;
}

/** Checks the `governance` option once, so a wrong object fails at wrap time rather than per call. */
function resolveHooks(hooks: SightlineOptions["governance"]): {
  beforeCall: CallGuard[];
  onFinish: OperationFinisher[];
} {
  if (hooks === undefined) return { beforeCall: [], onFinish: [] };
  const { beforeCall, onFinish } = hooks ?? {};
  if (
    typeof hooks !== "object" ||
    (beforeCall !== undefined && typeof beforeCall !== "function") ||
    (onFinish !== undefined && typeof onFinish !== "function")
  ) {
    throw new SightlineError({
      message: "governance must be the object createGovernance() returns (beforeCall and onFinish functions)",
    });
  }
  return { beforeCall: beforeCall ? [beforeCall] : [], onFinish: onFinish ? [onFinish] : [] };
}

/** Checks the `evaluation` option once, so a wrong object fails at wrap time rather than per call. */
function resolveEvaluation(evaluation: SightlineOptions["evaluation"]): OperationEvaluation | undefined {
  if (evaluation === undefined) return undefined;
  if (
    typeof evaluation !== "object" ||
    evaluation === null ||
    typeof evaluation.sample !== "function" ||
    typeof evaluation.evaluate !== "function"
  ) {
    throw new SightlineError({
      message:
        "evaluation must be the object createOnlineEvaluation() returns (sample and evaluate functions)",
    });
  }
  return evaluation;
}

/** Error text is redacted even with content capture off, so its redactor is built (once) when an error first needs it. */
function createErrorRedactorGetter(option: SightlineOptions["redaction"]): () => Redactor | undefined {
  let redactor: Redactor | undefined;
  let resolved = false;
  return () => {
    if (!resolved) {
      resolved = true;
      redactor = resolveRedactor(option, true);
    }
    return redactor;
  };
}

function positiveOr(value: number | undefined, fallback: number): number {
  return typeof value === "number" && value > 0 ? value : fallback;
}
