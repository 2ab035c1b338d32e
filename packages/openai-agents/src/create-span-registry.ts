import type { Context, Span } from "@opentelemetry/api";

/** A span the processor started, ended once by `end(error?)`. */
export interface SpanHandle {
  span: Span;
  context: Context;
  end(error?: unknown): void;
  setResult?(result: unknown): void;
}

/** What the processor keeps about one open SDK span (or trace) while it runs. */
export interface OpenSpan {
  /** `workflow` (a trace), `agent`, `tool`, `model`, `internal`; `passthrough` makes no span (task, turn). */
  kind: "workflow" | "agent" | "tool" | "model" | "internal" | "passthrough";
  /** The OTel context children start in (the span's own, or its parent's for model and passthrough). */
  context: Context;
  /** The span Sightline started for it (absent for model and passthrough spans). */
  handle: SpanHandle | undefined;
  /** Model spans: `performance.now()` at the SDK span's start. */
  startedAt?: number;
  /** Model spans: a Sightline-wrapped client recorded this call, so the processor records nothing. */
  recordedByWrapper?: boolean;
  /** Agent spans: function calls its model asked for, taken in order by the tool spans that follow. */
  pendingCalls?: Array<{ name: string; callId: string | undefined; arguments: string | undefined }>;
  /** The agent span this one runs in (for handoff/guardrail events and pending calls). */
  agent: OpenSpan | undefined;
}

/** Default cap of open spans and traces. */
export const DEFAULT_MAX_OPEN_SPANS = 10_000;

/** Open SDK spans and traces by id, bounded: past the cap the oldest is ended as abandoned. */
export interface SpanRegistry {
  get(id: string | null | undefined): OpenSpan | undefined;
  add(id: string, span: OpenSpan): void;
  /** Forgets the span and returns it (the caller ends it). */
  take(id: string): OpenSpan | undefined;
  /** Ends and forgets everything (shutdown). */
  clear(): void;
  readonly size: number;
}

/** Creates the registry of one processor. */
export function createSpanRegistry(maxOpen: number = DEFAULT_MAX_OPEN_SPANS): SpanRegistry {
  const open = new Map<string, OpenSpan>();
  const limit = Number.isFinite(maxOpen) && maxOpen > 0 ? Math.floor(maxOpen) : DEFAULT_MAX_OPEN_SPANS;
  return {
    get: (id) => (id ? open.get(id) : undefined),
    add(id, span) {
      open.set(id, span);
      while (open.size > limit) {
        const oldest = open.keys().next().value;
        if (oldest === undefined) break;
        open.get(oldest)?.handle?.end(new Error("span abandoned: the OpenAI Agents SDK never ended it"));
        open.delete(oldest);
      }
    },
    take(id) {
      const span = open.get(id);
      open.delete(id);
      return span;
    },
    clear() {
      for (const span of open.values()) span.handle?.end();
      open.clear();
    },
    get size() {
      return open.size;
    },
  };
}
