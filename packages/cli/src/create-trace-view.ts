import type { CapturedMetric, CapturedSpan } from "@sightline/otlp";
import { createModelSummary } from "./create-model-summary.js";
import { METRIC_SIGHTLINE_DRIFT_SCORE } from "./dev-names.js";
import {
  formatSpanDetails,
  getDurationMs,
  isGenAISpan,
  isInferenceSpan,
  parseUnixNano,
} from "./format-span-details.js";
import { formatSpanJson } from "./format-span-json.js";
import type { Paint } from "./paint.js";
import { sanitizeTelemetryForTerminal } from "./sanitize-telemetry-for-terminal.js";
import { escapeJsonForTerminal, sanitizeTerminalText } from "./sanitize-terminal-text.js";
import { selectModelCalls } from "./select-model-calls.js";

/** Spans kept per trace; beyond this a trace's extra spans are dropped and counted. */
const MAX_SPANS_PER_TRACE = 1000;
/** Distinct drift-score series remembered to print only changes. */
const MAX_DRIFT_SERIES = 1000;

/** What `sightline dev` does with decoded telemetry: print it and keep a bounded memory of it. */
export interface TraceView {
  /** Takes the spans of one export request. */
  addSpans(spans: CapturedSpan[]): void;
  /** Takes the metrics of one export request. */
  addMetrics(metrics: CapturedMetric[]): void;
  /** Prints traces still waiting for their root span. */
  flushPending(): void;
  /** The per-model summary table. */
  summary(): string;
  /** Traces forgotten and spans dropped so far. */
  dropped(): number;
  /** Stops the timer that prints traces whose root never arrives. */
  close(): void;
}

interface TraceEntry {
  spans: Map<string, CapturedSpan>;
  printed: boolean;
  updatedAt: number;
}

/**
 * Creates the view: GenAI traces printed as trees once their root span arrives (or after `settleMs`
 * without one), later spans of a printed trace printed as they come, `json` mode printing one line per
 * span instead. Memory: at most `maxTraces` traces, `MAX_SPANS_PER_TRACE` spans each.
 */
export function createTraceView(options: {
  json: boolean;
  maxTraces: number;
  settleMs: number;
  paint: Paint;
  write: (text: string) => void;
}): TraceView {
  const { paint, write } = options;
  const traces = new Map<string, TraceEntry>();
  const driftScores = new Map<string, number>();
  const summary = createModelSummary({ maxModels: 200, samplesPerModel: 1000 });
  let droppedCount = 0;

  const sweep = setInterval(
    () => {
      const cutoff = Date.now() - options.settleMs;
      for (const entry of traces.values()) {
        if (!entry.printed && entry.updatedAt <= cutoff) printSettledTrace(entry);
      }
    },
    Math.max(50, Math.min(options.settleMs, 1000)),
  );
  // A dev viewer's timer must never keep a process alive on its own.
  sweep.unref();

  /** From the timer, where a throw would end the process: a trace that cannot be shown is reported instead. */
  function printSettledTrace(entry: TraceEntry): void {
    try {
      printTrace(entry);
    } catch (error) {
      entry.printed = true;
      write(`sightline dev: could not show a trace: ${sanitizeTerminalText(String(error))}\n`);
    }
  }

  function printTrace(entry: TraceEntry): void {
    const spans = [...entry.spans.values()];
    if (options.json || !spans.some(isGenAISpan)) return;
    entry.printed = true;
    write(`${renderTree(spans).join("\n")}\n`);
  }

  function renderTree(spans: CapturedSpan[]): string[] {
    const first = spans[0];
    const service = first?.resource["service.name"];
    const roots = spans.filter(
      (span) => !span.parentSpanId || !spans.some((other) => other.spanId === span.parentSpanId),
    );
    const rootDuration = roots.length === 1 && roots[0] ? ` · ${getDurationMs(roots[0]).toFixed(1)} ms` : "";
    const calls = selectModelCalls(spans, spans).length;
    const header = paint(
      "cyan",
      `● trace ${first?.traceId.slice(0, 16) ?? "?"}${typeof service === "string" ? ` · ${service}` : ""} · ${spans.length} span${spans.length === 1 ? "" : "s"} · ${calls} model call${calls === 1 ? "" : "s"}${rootDuration}`,
    );
    const lines = [header];
    const children = (parentId: string) =>
      spans.filter((span) => span.parentSpanId === parentId).sort(byStartTime);
    const visit = (node: { span: CapturedSpan; prefix: string; last: boolean; depth: number }) => {
      const [headline, ...rest] = formatSpanDetails({ span: node.span, paint });
      lines.push(`${node.prefix}${node.last ? "└─ " : "├─ "}${headline}`);
      const inner = `${node.prefix}${node.last ? "   " : "│  "}`;
      for (const line of rest) lines.push(`${inner}   ${line}`);
      // Depth bound: a malformed trace with a parent cycle must not recurse forever.
      if (node.depth > 64) return;
      const kids = children(node.span.spanId);
      for (const [index, child] of kids.entries()) {
        visit({ span: child, prefix: inner, last: index === kids.length - 1, depth: node.depth + 1 });
      }
    };
    roots.sort(byStartTime);
    for (const [index, root] of roots.entries()) {
      visit({ span: root, prefix: "", last: index === roots.length - 1, depth: 0 });
    }
    return lines;
  }

  function remember(span: CapturedSpan): TraceEntry | undefined {
    let entry = traces.get(span.traceId);
    if (!entry) {
      entry = { spans: new Map(), printed: false, updatedAt: Date.now() };
      traces.set(span.traceId, entry);
      while (traces.size > options.maxTraces) {
        const oldest = traces.keys().next().value;
        if (oldest === undefined) break;
        const evicted = traces.get(oldest);
        if (evicted && !evicted.printed) printTrace(evicted);
        traces.delete(oldest);
        droppedCount += 1;
      }
    }
    if (entry.spans.size >= MAX_SPANS_PER_TRACE && !entry.spans.has(span.spanId)) {
      droppedCount += 1;
      return undefined;
    }
    entry.spans.set(span.spanId, span);
    entry.updatedAt = Date.now();
    return entry;
  }

  return {
    addSpans(received) {
      const touched = new Map<TraceEntry, CapturedSpan[]>();
      for (const raw of received) {
        // JSON lines keep the sender's exact values (JSON escapes them); everything else, kept or printed,
        // uses the sanitized copy.
        if (options.json) write(`${escapeJsonForTerminal(formatSpanJson(raw))}\n`);
        const span = sanitizeTelemetryForTerminal(raw);
        const entry = remember(span);
        if (!entry) {
          if (isInferenceSpan(span)) summary.record(span);
          continue;
        }
        const added = touched.get(entry);
        if (added) added.push(span);
        else touched.set(entry, [span]);
      }
      // Counted once the whole request is in: a roll-up is told from a call by the call under it.
      for (const [entry, added] of touched) {
        for (const call of selectModelCalls(added, entry.spans.values())) summary.record(call);
      }
      if (options.json) return;
      for (const [entry, added] of touched) {
        if (entry.printed) {
          for (const span of added) {
            const [headline, ...rest] = formatSpanDetails({ span, paint });
            write(`${paint("dim", `  + late span of trace ${span.traceId.slice(0, 16)}:`)} ${headline}\n`);
            for (const line of rest) write(`      ${line}\n`);
          }
        } else if ([...entry.spans.values()].some((span) => !span.parentSpanId)) {
          printTrace(entry);
        }
      }
    },
    addMetrics(metrics) {
      if (options.json) return;
      for (const metric of metrics) {
        if (metric.name !== METRIC_SIGHTLINE_DRIFT_SCORE) continue;
        for (const point of sanitizeTelemetryForTerminal(metric.points)) {
          if (point.value === undefined) continue;
          const series = JSON.stringify(point.attributes);
          if (driftScores.get(series) === point.value) continue;
          if (!driftScores.has(series) && driftScores.size >= MAX_DRIFT_SERIES) continue;
          driftScores.set(series, point.value);
          const labels = Object.entries(point.attributes)
            .map(([key, value]) => `${key}=${String(value)}`)
            .join(" ");
          write(
            `${paint("yellow", `⚑ drift score ${point.value.toFixed(3)}`)}${labels ? ` ${paint("dim", labels)}` : ""}\n`,
          );
        }
      }
    },
    flushPending() {
      for (const entry of traces.values()) if (!entry.printed) printTrace(entry);
    },
    summary: () => summary.format(),
    dropped: () => droppedCount,
    close: () => clearInterval(sweep),
  };
}

function byStartTime(left: CapturedSpan, right: CapturedSpan): number {
  const difference = parseUnixNano(left.startTimeUnixNano) - parseUnixNano(right.startTimeUnixNano);
  return difference < 0n ? -1 : difference > 0n ? 1 : 0;
}
