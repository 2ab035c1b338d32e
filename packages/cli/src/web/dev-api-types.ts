/**
 * The JSON contract between `sightline dev`'s HTTP API (`/api/*`, served from the embedded store) and its
 * web UI. The UI imports these types only; nothing here runs. Times are Unix epoch milliseconds (floats
 * where sub-millisecond precision matters), costs are USD, and every field that a span may not carry is
 * `null` rather than absent, so the UI has one shape to handle.
 */

/** Query of `GET /api/traces`: every filter optional, combined with AND. */
export interface TraceListQuery {
  /** `service.name` of the trace's root (or first) span, exact. */
  service?: string;
  /** Request or response model of any GenAI span in the trace, exact. */
  model?: string;
  /** `gen_ai.provider.name` of any GenAI span, exact. */
  provider?: string;
  /** `sightline.feature` of any span, exact. */
  feature?: string;
  /** `gen_ai.conversation.id` of any span, exact. */
  conversation?: string;
  /** `only`: traces with an error span; `none`: traces without. */
  errors?: "only" | "none";
  /** Trace duration bounds in milliseconds. */
  minDurationMs?: number;
  maxDurationMs?: number;
  /** Trace cost bounds in USD (traces without a priced call count as 0). */
  minCostUsd?: number;
  maxCostUsd?: number;
  /** Trace start bounds (epoch ms), inclusive. */
  since?: number;
  until?: number;
  /** Free text: matched (case-insensitive substring) against trace id, span names and models. */
  q?: string;
  /** Page size, default 100, at most 500. */
  limit?: number;
  /** Cursor: only traces that started before this epoch ms (the last row's `startMs` of the previous page). */
  before?: number;
}

/** One row of the trace list. */
export interface TraceSummary {
  traceId: string;
  /** Name of the root span, or of the earliest span when the root has not arrived. */
  rootName: string;
  /** `service.name` of that span's resource; `null` when unset. */
  service: string | null;
  startMs: number;
  durationMs: number;
  spanCount: number;
  /** Spans with `gen_ai.operation.name`. */
  genAiCount: number;
  /** Spans with error status. */
  errorCount: number;
  /** Distinct models (response model, else request model) of the GenAI spans. */
  models: string[];
  providers: string[];
  features: string[];
  conversationIds: string[];
  inputTokens: number;
  outputTokens: number;
  /** Sum of `gen_ai.usage.cost` over the trace's spans; `null` when no span was priced. */
  costUsd: number | null;
  /** A `sightline.drift` span event is in the trace. */
  hasDrift: boolean;
  /** A `sightline.model_change` span event is in the trace. */
  hasModelChange: boolean;
}

/** Answer of `GET /api/traces`. */
export interface TraceListResponse {
  traces: TraceSummary[];
  /** Traces matching the filters (all pages). */
  total: number;
  /** Distinct values present in the store, for the filter menus. */
  facets: {
    services: string[];
    models: string[];
    providers: string[];
    features: string[];
    conversations: string[];
  };
}

/** A span event as stored. */
export interface StoredSpanEvent {
  name: string;
  timeMs: number;
  attributes: Record<string, unknown>;
}

/** What a GenAI span says, pulled out of its attributes by the server (the raw attributes stay available). */
export interface GenAiFacts {
  /** `gen_ai.operation.name`, e.g. `chat`. */
  operation: string;
  provider: string | null;
  requestModel: string | null;
  responseModel: string | null;
  inputTokens: number | null;
  outputTokens: number | null;
  costUsd: number | null;
  finishReasons: string[];
  conversationId: string | null;
  feature: string | null;
  /** `error.type` when the call failed. */
  errorType: string | null;
  /** Time to first chunk in ms for streams (`gen_ai.response.time_to_first_chunk` or Sightline's equivalent), else `null`. */
  timeToFirstChunkMs: number | null;
}

/** One span of a trace, as stored. Attribute values are as decoded from OTLP (strings, numbers, booleans, arrays). */
export interface StoredSpan {
  traceId: string;
  spanId: string;
  parentSpanId: string | null;
  name: string;
  /** OTLP span kind: 0 unspecified, 1 internal, 2 server, 3 client, 4 producer, 5 consumer. */
  kind: number;
  startMs: number;
  durationMs: number;
  /** OTLP status code: 0 unset, 1 ok, 2 error. */
  status: { code: number; message: string | null };
  attributes: Record<string, unknown>;
  events: StoredSpanEvent[];
  resource: Record<string, unknown>;
  scope: { name: string; version: string | null };
  /** Present on spans with `gen_ai.operation.name`. */
  genAi: GenAiFacts | null;
}

/** Answer of `GET /api/traces/:traceId` (404 with `{ error }` when unknown). */
export interface TraceDetailResponse {
  traceId: string;
  /** Sorted by start time. */
  spans: StoredSpan[];
}

/** One row of `GET /api/conversations`. */
export interface ConversationSummary {
  conversationId: string;
  calls: number;
  firstMs: number;
  lastMs: number;
  costUsd: number | null;
  models: string[];
}

/** Answer of `GET /api/conversations` (newest first, at most 200). */
export interface ConversationListResponse {
  conversations: ConversationSummary[];
}

/** Answer of `GET /api/conversations/:id`: every GenAI span with that `gen_ai.conversation.id`, oldest first. */
export interface ConversationDetailResponse {
  conversationId: string;
  calls: StoredSpan[];
}

/** Query of `GET /api/overview`. */
export interface OverviewQuery {
  /** Window start (epoch ms); default: the oldest stored span. */
  since?: number;
  /** Window end (epoch ms); default: the newest stored span or metric point (now for an empty store). */
  until?: number;
  /** Number of time buckets in the series, default 30, at most 200. */
  buckets?: number;
}

/** Aggregates of GenAI calls (spans with `gen_ai.operation.name`). */
export interface CallStats {
  calls: number;
  errors: number;
  p50Ms: number | null;
  p95Ms: number | null;
  inputTokens: number;
  outputTokens: number;
  /** Sum of the priced calls' `gen_ai.usage.cost`; `null` when none of the calls was priced. */
  costUsd: number | null;
}

/** Answer of `GET /api/overview`. */
export interface OverviewResponse {
  since: number;
  until: number;
  bucketMs: number;
  totals: CallStats;
  perModel: (CallStats & { model: string })[];
  perFeature: (CallStats & { feature: string })[];
  /** One entry per bucket, oldest first; `byModel` and `byFeature` split calls, tokens and cost. */
  series: (CallStats & {
    startMs: number;
    byModel: Record<string, { calls: number; tokens: number; costUsd: number }>;
    byFeature: Record<string, { calls: number; tokens: number; costUsd: number }>;
  })[];
  drift: {
    /** `sightline.gen_ai.drift.score` gauge points per signal and model, oldest first. */
    scores: { signal: string; model: string; points: { timeMs: number; score: number }[] }[];
    /** `sightline.drift` span events. */
    events: {
      timeMs: number;
      traceId: string;
      spanId: string;
      signal: string | null;
      model: string | null;
      kind: string | null;
      score: number | null;
    }[];
    /** `sightline.model_change` span events. */
    modelChanges: {
      timeMs: number;
      traceId: string;
      spanId: string;
      previous: string | null;
      next: string | null;
    }[];
  };
  /** Latest `sightline.budget.used` / `sightline.budget.limit` per budget (and key); empty when no budgets are set. */
  budgets: {
    name: string;
    key: string | null;
    unit: string | null;
    window: string | null;
    used: number;
    limit: number | null;
    timeMs: number;
  }[];
}

/** Answer of `GET /api/status`. */
export interface StoreStatusResponse {
  /** Store file path, or `:memory:`. */
  file: string;
  sizeBytes: number;
  traces: number;
  spans: number;
  metricPoints: number;
  oldestMs: number | null;
  newestMs: number | null;
  retention: { maxAgeHours: number; maxSizeMb: number };
  /** Spans waiting in the write batch. */
  pending: number;
  /** Spans dropped because the write queue was full. */
  dropped: number;
}

/**
 * `GET /api/stream` is a Server-Sent Events stream. After each stored batch it sends
 * `event: stored` with data `{"traces": <number of traces touched>, "spans": <spans stored>}`; the UI refetches.
 * A comment line every 15 s keeps proxies from closing it.
 */
export interface StoredEventData {
  traces: number;
  spans: number;
}
