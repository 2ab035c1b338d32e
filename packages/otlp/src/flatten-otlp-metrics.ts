import { convertOtlpAttributes } from "./convert-otlp-attributes.js";
import { convertScope, convertTime, listOf, recordOf } from "./flatten-otlp-spans.js";
import type { CapturedMetric, CapturedMetricPoint } from "./types.js";

const KINDS = ["sum", "gauge", "histogram"] as const;

/** Flattens an OTLP/JSON-shaped `ExportMetricsServiceRequest` into metrics carrying their resource and scope. */
export function flattenOtlpMetrics(request: unknown): CapturedMetric[] {
  const metrics: CapturedMetric[] = [];
  for (const resourceMetrics of listOf(request, "resourceMetrics")) {
    const resource = convertOtlpAttributes(recordOf(resourceMetrics, "resource").attributes);
    for (const scopeMetrics of listOf(resourceMetrics, "scopeMetrics")) {
      const scope = convertScope(recordOf(scopeMetrics, "scope"));
      for (const metric of listOf(scopeMetrics, "metrics")) {
        // Exponential histograms and summaries are not decoded; they are skipped rather than misreported.
        const kind = KINDS.find((candidate) => candidate in metric);
        if (!kind) continue;
        metrics.push({
          name: String(metric.name ?? ""),
          ...(typeof metric.unit === "string" && metric.unit !== "" ? { unit: metric.unit } : {}),
          ...(typeof metric.description === "string" && metric.description !== ""
            ? { description: metric.description }
            : {}),
          kind,
          ...convertTemporality(recordOf(metric, kind)),
          points: listOf(recordOf(metric, kind), "dataPoints").map((point) => convertPoint(point, kind)),
          resource,
          scope,
        });
      }
    }
  }
  return metrics;
}

// OTLP's AggregationTemporality enum: 1 delta, 2 cumulative; gauges carry none.
const TEMPORALITIES: Record<number, "delta" | "cumulative"> = { 1: "delta", 2: "cumulative" };

function convertTemporality(
  data: Record<string, unknown>,
): Pick<CapturedMetric, "temporality" | "monotonic"> {
  const temporality = TEMPORALITIES[Number(data.aggregationTemporality)];
  return {
    ...(temporality ? { temporality } : {}),
    ...(typeof data.isMonotonic === "boolean" ? { monotonic: data.isMonotonic } : {}),
  };
}

function convertPoint(point: Record<string, unknown>, kind: CapturedMetric["kind"]): CapturedMetricPoint {
  const result: CapturedMetricPoint = {
    ...convertTime(point.timeUnixNano),
    attributes: convertOtlpAttributes(point.attributes),
  };
  // Protobuf leaves zero counts off the wire; a histogram point always has a count and buckets.
  if (kind === "histogram") {
    result.count = 0;
    result.bucketCounts = [];
    result.explicitBounds = [];
  }
  if (point.asDouble !== undefined) {
    result.value = Number(point.asDouble);
    result.valueType = "double";
  }
  if (point.asInt !== undefined) {
    result.value = Number(point.asInt);
    result.valueType = "int";
  }
  if (point.count !== undefined) result.count = Number(point.count);
  if (point.sum !== undefined) result.sum = Number(point.sum);
  if (Array.isArray(point.bucketCounts)) result.bucketCounts = point.bucketCounts.map(Number);
  if (Array.isArray(point.explicitBounds)) result.explicitBounds = point.explicitBounds.map(Number);
  if (point.min !== undefined) result.min = Number(point.min);
  if (point.max !== undefined) result.max = Number(point.max);
  return result;
}
