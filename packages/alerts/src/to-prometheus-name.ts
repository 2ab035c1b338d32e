import type { MetricDescriptor } from "./sightline-metric-names.js";
import type { NamingMode } from "./types.js";

// Unit suffixes from prometheus/otlptranslator's unit map, limited to the units OTel GenAI metrics use or
// could plausibly use. Units in braces (annotations such as `{token}`) are dropped; unmapped units are kept
// as written (`USD` → `_USD`).
const unitSuffixes: Record<string, string> = {
  s: "seconds",
  ms: "milliseconds",
  us: "microseconds",
  ns: "nanoseconds",
  min: "minutes",
  h: "hours",
  d: "days",
  By: "bytes",
  KiBy: "kibibytes",
  MiBy: "mebibytes",
  "%": "percent",
};

// The denominator of a rate unit uses singular names (`By/s` → `bytes_per_second`), as in otlptranslator.
const perUnitSuffixes: Record<string, string> = { s: "second", m: "minute", h: "hour", d: "day", w: "week" };

/** Turns characters Prometheus does not allow in names into `_`, collapsing runs like otlptranslator. */
function escapeName(name: string): string {
  return name
    .split(/[^a-zA-Z0-9_:]+/)
    .filter((part) => part.length > 0)
    .join("_");
}

/** Prometheus label name of an OTel attribute key (same in both naming modes). */
export function toPrometheusLabelName(attribute: string): string {
  return attribute.replace(/[^a-zA-Z0-9_]/g, "_");
}

function toUnitSuffix(unit: string, kind: MetricDescriptor["kind"]): string | undefined {
  const withoutAnnotations = unit.replace(/\{[^}]*\}/g, "").trim();
  if (withoutAnnotations === "") return undefined;
  if (withoutAnnotations === "1") return kind === "gauge" ? "ratio" : undefined;
  const [numerator, denominator] = withoutAnnotations.split("/");
  const numeratorSuffix = numerator ? (unitSuffixes[numerator] ?? escapeName(numerator)) : "";
  if (denominator === undefined) return numeratorSuffix || undefined;
  const denominatorSuffix = perUnitSuffixes[denominator] ?? escapeName(denominator);
  return [numeratorSuffix, "per", denominatorSuffix].filter((part) => part !== "").join("_");
}

/**
 * Prometheus metric name of an OTel instrument, without histogram `_bucket`/`_sum`/`_count` suffixes.
 *
 * `otlp` follows otlptranslator's `UnderscoreEscapingWithSuffixes` (unit suffix unless the name already
 * contains it, `_total` for counters, `_ratio` for unit-1 gauges); `prometheus-exporter` follows
 * `@opentelemetry/exporter-prometheus` (dots to underscores, `_total` for counters, no unit suffix).
 */
export function toPrometheusMetricName(metric: MetricDescriptor, naming: NamingMode): string {
  const parts = [escapeName(metric.name)];
  if (naming === "otlp") {
    const suffix = toUnitSuffix(metric.unit, metric.kind);
    if (suffix !== undefined && !parts[0]!.split("_").includes(suffix)) parts.push(suffix);
  }
  if (metric.kind === "counter" && !parts.at(-1)!.endsWith("_total")) parts.push("total");
  return parts.join("_");
}
