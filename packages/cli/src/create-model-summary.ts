import { ATTR_GEN_AI_USAGE_INPUT_TOKENS, ATTR_GEN_AI_USAGE_OUTPUT_TOKENS } from "@sightline/core/semconv";
import type { CapturedSpan } from "@sightline/otlp";
import { ATTR_GEN_AI_USAGE_COST } from "./dev-names.js";
import {
  formatCost,
  formatMilliseconds,
  getDurationMs,
  getSpanModel,
  isFailedSpan,
} from "./format-span-details.js";

/** Per-model totals of GenAI calls, with bounded memory whatever arrives. */
export interface ModelSummary {
  /** Counts one GenAI span. */
  record(span: CapturedSpan): void;
  /** The table: model, calls, errors, p50, p95, tokens in, tokens out, cost. Empty string before any call. */
  format(): string;
}

interface ModelTotals {
  calls: number;
  errors: number;
  inputTokens: number;
  outputTokens: number;
  cost: number;
  costedCalls: number;
  /** The latest durations, a ring: percentiles describe recent calls. */
  durations: Float64Array;
  next: number;
}

const OTHER_MODELS = "(other models)";

/**
 * Creates the per-model summary `sightline dev` prints on exit. At most `maxModels` rows (later models
 * are counted under "(other models)") and `samplesPerModel` latency samples each, so memory stays bounded.
 */
export function createModelSummary(options: { maxModels: number; samplesPerModel: number }): ModelSummary {
  const models = new Map<string, ModelTotals>();

  const totalsFor = (model: string): ModelTotals => {
    const key = models.has(model) || models.size < options.maxModels ? model : OTHER_MODELS;
    let totals = models.get(key);
    if (!totals) {
      totals = {
        calls: 0,
        errors: 0,
        inputTokens: 0,
        outputTokens: 0,
        cost: 0,
        costedCalls: 0,
        durations: new Float64Array(options.samplesPerModel),
        next: 0,
      };
      models.set(key, totals);
    }
    return totals;
  };

  return {
    record(span) {
      const totals = totalsFor(getSpanModel(span));
      totals.calls += 1;
      if (isFailedSpan(span)) totals.errors += 1;
      totals.inputTokens += numberOr0(span.attributes[ATTR_GEN_AI_USAGE_INPUT_TOKENS]);
      totals.outputTokens += numberOr0(span.attributes[ATTR_GEN_AI_USAGE_OUTPUT_TOKENS]);
      const cost = span.attributes[ATTR_GEN_AI_USAGE_COST];
      if (typeof cost === "number") {
        totals.cost += cost;
        totals.costedCalls += 1;
      }
      totals.durations[totals.next % totals.durations.length] = getDurationMs(span);
      totals.next += 1;
    },
    format() {
      if (models.size === 0) return "";
      const header = ["model", "calls", "errors", "p50", "p95", "tokens in", "tokens out", "cost"];
      const rows = [...models.entries()].map(([model, totals]) => {
        const samples = [
          ...totals.durations.subarray(0, Math.min(totals.next, totals.durations.length)),
        ].sort((left, right) => left - right);
        return [
          model,
          String(totals.calls),
          String(totals.errors),
          formatMilliseconds(percentile(samples, 0.5)),
          formatMilliseconds(percentile(samples, 0.95)),
          String(totals.inputTokens),
          String(totals.outputTokens),
          totals.costedCalls === 0
            ? "—"
            : `${formatCost(totals.cost)}${totals.costedCalls < totals.calls ? ` (${totals.costedCalls} priced)` : ""}`,
        ];
      });
      const widths = header.map((title, column) =>
        Math.max(title.length, ...rows.map((row) => (row[column] ?? "").length)),
      );
      const line = (cells: string[]) =>
        cells
          .map((cell, column) =>
            column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0),
          )
          .join("  ");
      return [line(header), ...rows.map(line)].join("\n");
    },
  };
}

/** Nearest-rank percentile of sorted samples; 0 when there are none. */
function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return sorted[rank] ?? 0;
}

function numberOr0(value: unknown): number {
  return typeof value === "number" && Number.isFinite(value) ? value : 0;
}
