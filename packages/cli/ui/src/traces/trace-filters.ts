import type { TraceListQuery } from "../../../src/web/dev-api-types.js";

/** Time ranges offered by the filter bar and the overview, with their length in ms (`null`: all time). */
export const TIME_RANGES = {
  "15m": { label: "Last 15 min", ms: 15 * 60_000 },
  "1h": { label: "Last hour", ms: 3_600_000 },
  "24h": { label: "Last 24 h", ms: 86_400_000 },
  "7d": { label: "Last 7 days", ms: 7 * 86_400_000 },
  all: { label: "All time", ms: null },
} as const;

/** A key of {@link TIME_RANGES}. */
export type TimeRange = keyof typeof TIME_RANGES;

/** The trace list's filters as the inputs hold them (numbers as typed text), mirrored in the hash query. */
export interface TraceFilters {
  q: string;
  service: string;
  model: string;
  provider: string;
  feature: string;
  conversation: string;
  errors: "" | "only" | "none";
  minDurationMs: string;
  minCostUsd: string;
  maxCostUsd: string;
  range: TimeRange;
}

/** Filters that are plain text in the hash query, in the order they are written. */
const TEXT_KEYS = [
  "q",
  "service",
  "model",
  "provider",
  "feature",
  "conversation",
  "minDurationMs",
  "minCostUsd",
  "maxCostUsd",
] as const;

/** Reads the filters from the hash query; unknown or malformed values fall back to "no filter". */
export function readTraceFilters(params: URLSearchParams): TraceFilters {
  const errors = params.get("errors");
  const range = params.get("range") ?? "all";
  const filters: TraceFilters = {
    q: "",
    service: "",
    model: "",
    provider: "",
    feature: "",
    conversation: "",
    errors: errors === "only" || errors === "none" ? errors : "",
    minDurationMs: "",
    minCostUsd: "",
    maxCostUsd: "",
    range: isTimeRange(range) ? range : "all",
  };
  for (const key of TEXT_KEYS) filters[key] = params.get(key) ?? "";
  return filters;
}

/** The hash query for the filters; defaults are left out, so an unfiltered list is plain `#/`. */
export function writeTraceFilters(filters: TraceFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of TEXT_KEYS) if (filters[key] !== "") params.set(key, filters[key]);
  if (filters.errors !== "") params.set("errors", filters.errors);
  if (filters.range !== "all") params.set("range", filters.range);
  return params;
}

/**
 * The `GET /api/traces` query for the filters: the time range becomes `since` relative to `now`, number
 * inputs that do not parse are dropped rather than sent.
 */
export function toTraceListQuery(options: { filters: TraceFilters; now: number }): TraceListQuery {
  const { filters } = options;
  const rangeMs = TIME_RANGES[filters.range].ms;
  return {
    q: filters.q.trim() || undefined,
    service: filters.service || undefined,
    model: filters.model || undefined,
    provider: filters.provider || undefined,
    feature: filters.feature || undefined,
    conversation: filters.conversation || undefined,
    errors: filters.errors || undefined,
    minDurationMs: toNumber(filters.minDurationMs),
    minCostUsd: toNumber(filters.minCostUsd),
    maxCostUsd: toNumber(filters.maxCostUsd),
    since: rangeMs === null ? undefined : options.now - rangeMs,
  };
}

/** Whether a text names a {@link TimeRange}. */
export function isTimeRange(value: string): value is TimeRange {
  return Object.hasOwn(TIME_RANGES, value);
}

function toNumber(text: string): number | undefined {
  if (text.trim() === "") return undefined;
  const value = Number(text);
  return Number.isFinite(value) && value >= 0 ? value : undefined;
}
