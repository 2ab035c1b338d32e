import type { Attributes, MeterProvider, Span, SpanContext, TracerProvider } from "@opentelemetry/api";
import type { DriftMonitor } from "@sightline/drift";
import type { PriceRegistry } from "@sightline/pricing";
import type { SightlineContext } from "../context/types.js";
import type { SightlineError } from "../errors/sightline-error.js";
import type { FinishedOperation } from "../finishers/types.js";
import type {
  GenAIRequest,
  GenAIResponse,
  GenAITarget,
  OutputMessage,
  RequestContent,
} from "../operation/operation-shapes.js";
import type { PricesOptions } from "../prices/types.js";
import type { RedactionOptions, Redactor } from "../redaction/types.js";

/** Where captured message content goes. */
export type ContentCaptureMode = "off" | "span";

/** Called on every captured text before it is recorded; return the text to record. */
export type RedactContent = (text: string, info: { attribute: string; role?: string }) => string;

/** Options every Sightline wrapper accepts. */
export interface SightlineOptions {
  /** Tracer provider to use. Default: the global one (`trace.getTracerProvider()`). */
  tracerProvider?: TracerProvider;
  /** Meter provider to use. Default: the global one, looked up at each call so late registration works. */
  meterProvider?: MeterProvider;
  /**
   * Record message content (`gen_ai.input.messages`, `gen_ai.output.messages`,
   * `gen_ai.system_instructions`, `gen_ai.tool.definitions`) on spans. Default: off, unless the
   * variable `OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT` is `true` or `SPAN_ONLY`/`SPAN_AND_EVENT`.
   * An explicit value here wins over the variable.
   */
  captureContent?: boolean;
  /** Byte bound of each content attribute's JSON; longer texts are cut and marked. Default: 16384. */
  contentMaxBytes?: number;
  /**
   * Redaction hook applied to every captured text before truncation; it sees the raw text, and
   * the built-in redactor (`redaction`) runs on what it returns. Default: none.
   */
  redactContent?: RedactContent;
  /**
   * Redaction of captured content: built-in detectors (API keys, tokens, private keys, emails,
   * phone, card and IBAN numbers, IP addresses) replace findings with `[REDACTED:<kind>]` and count
   * them on the span (`sightline.redaction.<kind>.count`). `false` turns it off; options or a
   * `createRedactor()` result configure it. It runs on captured content, and on error text (status
   * message, exception event) with content capture on or off. Default: on.
   */
  redaction?: boolean | RedactionOptions | Redactor;
  /**
   * Steps run before each call is sent (budgets, policies: pass `createGovernance()`); they can
   * refuse the call with a typed error, suppress content capture, or add span events. Default: none.
   */
  governance?: OperationHooks;
  /** Record `gen_ai.client.*` metrics. Default: true. */
  metrics?: boolean;
  /**
   * Record `gen_ai.client.operation.time_per_output_chunk`, one sample per streamed chunk as
   * semconv asks. Each sample costs about 1.5 µs in the OTel JS metrics SDK, the largest per-chunk
   * cost of a followed stream; turn it off for very high chunk rates. Default: true.
   */
  chunkTimingMetric?: boolean;
  /** Also emit the deprecated `gen_ai.system` attribute, for dashboards built on it. Default: false. */
  legacySystemAttribute?: boolean;
  /**
   * A stream the caller stops pulling from (or a response nobody reads) has its span ended after
   * this many milliseconds without activity, with `sightline.stream.outcome = "abandoned"` and the
   * end time of its last activity. Default: 60000.
   */
  abandonedAfterMs?: number;
  /** Overrides the detected `gen_ai.provider.name`. Default: detected from the client. */
  providerName?: string;
  /**
   * Price every call from the bundled catalog (`gen_ai.usage.cost`, `sightline.gen_ai.cost`).
   * `false` turns it off; `{ registry }` prices with your own registry. Default: on, with the
   * process-wide registry that `registerModelPrice()` adds to.
   */
  cost?: boolean | { registry?: PriceRegistry };
  /**
   * Refresh the prices of the registry `cost` uses from a URL at run time (`sightline.prices/v1` or LiteLLM's price
   * map), at start and every `intervalMs`, in the background; a bad or unreachable file keeps the prices in place
   * and is reported once through OTel `diag`. One refresher per registry, shared by every wrapper. `false` ignores
   * the variables. Default: off, unless `SIGHTLINE_PRICES_URL` is set.
   */
  prices?: false | PricesOptions;
  /**
   * Watch every call for drift (span events `sightline.drift` / `sightline.model_change`, metrics
   * `sightline.gen_ai.drift.*`). `false` turns it off. Default: on, with the process-wide monitor.
   */
  drift?: boolean | DriftOptions;
  /**
   * Online evaluation of sampled calls: pass `createOnlineEvaluation()` from `@sightline/evals`. Core asks it at
   * each call's start whether to evaluate the call (so a sampled stream keeps its text even with content capture
   * off) and hands it the call's content after the call ended; the evaluation runs off the call path. Content
   * handed over stays in the process; it is exported only when `captureContent` is on. Default: none.
   */
  evaluation?: OperationEvaluation;
}

/** What an evaluation hook sees at a call's start, to decide whether to evaluate it. */
export interface EvaluationCandidate {
  /** The mapped request (model, operation, parameters). */
  request: GenAIRequest;
  /** Where it goes. */
  target: GenAITarget;
  /** The `withContext` values active at the call. */
  context: SightlineContext;
}

/** Feeds evaluation scores to the drift monitor on the evaluated call's stream. */
export interface EvaluationDriftFeed {
  /**
   * Observes evaluation signals (e.g. `eval.relevance.score`) on the evaluated call's drift stream; a verdict
   * becomes a `sightline.drift` event on `span` (the evaluation result's) and a drift counter increment. Never throws.
   */
  observe(scalars: Readonly<Record<string, number>>, span: Span): void;
}

/** A finished, sampled call handed to the evaluation hook. */
export interface EvaluatedCall {
  /** The mapped request. */
  request: GenAIRequest;
  /** Where it went. */
  target: GenAITarget;
  /** The mapped response. */
  response: GenAIResponse;
  /** The `withContext` values active when the call started. */
  context: Readonly<SightlineContext>;
  /** The call's span context, to link evaluation results to. */
  spanContext: SpanContext;
  /** Builds the request's content (messages, system instructions, tools); undefined when the provider maps none. */
  requestContent: () => RequestContent | undefined;
  /** Builds the answer's messages; undefined when the provider maps none. */
  outputMessages: () => OutputMessage[] | undefined;
  /** The meter provider the call recorded into. */
  meterProvider: MeterProvider;
  /** The tracer provider the call recorded into. */
  tracerProvider: TracerProvider;
  /** The drift feed of the call's stream; undefined when drift is off or the call has no model. */
  drift?: EvaluationDriftFeed;
}

/**
 * The evaluation hook a wrapper calls (the `evaluation` option). Both methods must be fast and must not throw
 * (a throw is caught and reported): `sample` runs on the call path, `evaluate` must only schedule work.
 */
export interface OperationEvaluation {
  /** Decides at a call's start whether it is evaluated. */
  sample(candidate: EvaluationCandidate): boolean;
  /** Receives a sampled call after it ended successfully; schedules its evaluation and returns at once. */
  evaluate(call: EvaluatedCall): void;
}

/** Drift options. */
export interface DriftOptions {
  /** The monitor to feed. Default: `getDefaultDriftMonitor()`. */
  monitor?: DriftMonitor;
  /**
   * Decides whether an answer's text is a refusal, used only when content capture is on, on top of the refusals the
   * provider reports in its own fields (always counted). Default: a phrase heuristic.
   */
  detectRefusal?: (text: string) => boolean;
}

/** What a guard sees before a call is sent. */
export interface GuardedCall {
  /** The mapped request (model, operation, parameters). */
  request: GenAIRequest;
  /** Where it would go. */
  target: GenAITarget;
  /** The `withContext` values active at the call. */
  context: SightlineContext;
  /** Whether content would be captured for this call. */
  captureContent: boolean;
  /** The meter provider this call records into. */
  meterProvider: MeterProvider;
}

/** A span event a guard asks for. */
export interface GuardEvent {
  /** Event name. */
  name: string;
  /** Event attributes. */
  attributes: Attributes;
}

/** A guard's decision; an empty object (or undefined) lets the call through unchanged. */
export interface GuardVerdict {
  /** Refuses the call: nothing is sent, the span records the refusal, and this error is thrown to the caller. */
  refuse?: SightlineError;
  /** Records no content for this call, whatever `captureContent` says. */
  suppressContent?: boolean;
  /** Span events to add to the call's span. */
  events?: GuardEvent[];
}

/** A step run before a call is sent. Must be fast and synchronous: it sits on the call path. */
export type CallGuard = (call: GuardedCall) => GuardVerdict | undefined;

/** Steps around each call, as `createGovernance()` returns them. */
export interface OperationHooks {
  /** Runs before the call is sent. */
  beforeCall?: CallGuard;
  /** Runs after the call ended, after cost is known, before the span ends. */
  onFinish?: (operation: FinishedOperation) => void;
}
