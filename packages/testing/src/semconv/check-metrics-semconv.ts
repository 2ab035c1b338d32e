import { ValueType } from "@opentelemetry/api";
import { DataPointType, type MetricData } from "@opentelemetry/sdk-metrics";
import { checkAttribute } from "./check-attribute.js";
import { SEMCONV_FACTS, type SemconvMetricFact } from "./semconv-facts.js";
import type { SemconvFinding } from "./semconv-finding.js";
import { SIGHTLINE_NAMESPACE } from "./sightline-names.js";

/** What the caller knows about the calls behind the points. */
export interface MetricRequests {
  /** Request models of calls that failed: their points need `error.type`, all others must not have it. */
  failedModels?: readonly string[];
}

/** The semconv instrument a metric was exported as. */
function instrumentOf(metric: MetricData): string {
  switch (metric.dataPointType) {
    case DataPointType.HISTOGRAM:
    case DataPointType.EXPONENTIAL_HISTOGRAM:
      return "histogram";
    case DataPointType.GAUGE:
      return "gauge";
    default:
      return metric.isMonotonic ? "counter" : "updowncounter";
  }
}

/** Checks the point attributes of one semconv metric against its requirement levels. */
function checkPoints(
  metric: MetricData,
  fact: SemconvMetricFact,
  requests: MetricRequests,
): SemconvFinding[] {
  const findings: SemconvFinding[] = [];
  const failed = new Set(requests.failedModels);
  for (const point of metric.dataPoints) {
    const attributes = point.attributes as Record<string, unknown>;
    const subject = `metric ${metric.descriptor.name} point ${JSON.stringify(attributes)}`;
    for (const [attribute, level] of Object.entries(fact.attributes)) {
      const present = attributes[attribute] !== undefined;
      let needed = level.requirement === "required";
      if (attribute === "server.port") needed = attributes["server.address"] !== undefined;
      if (attribute === "error.type" && requests.failedModels !== undefined) {
        needed = failed.has(String(attributes["gen_ai.request.model"]));
        if (!needed && present)
          findings.push({
            rule: "conditionally-required-attribute",
            subject,
            attribute,
            severity: "violation",
            message: "set on a point of a call that did not fail",
          });
      }
      if (needed && !present)
        findings.push({
          rule: level.requirement === "required" ? "required-attribute" : "conditionally-required-attribute",
          subject,
          attribute,
          severity: "violation",
          message: `missing${level.condition === undefined ? "" : ` (${level.condition})`}`,
        });
    }
    for (const [name, value] of Object.entries(attributes))
      findings.push(...checkAttribute({ name, value, subject }));
  }
  return findings;
}

/**
 * Checks exported metrics against semantic conventions v1.41.1: every `gen_ai.*` metric is a semconv metric
 * with its unit, instrument and value type; its points carry the required point attributes (and `error.type`
 * exactly on failed calls, when `requests.failedModels` says which); every point attribute is known and typed.
 * Metrics in Sightline's namespace are its own; only their point attributes are checked.
 * @example
 * const findings = checkMetricsSemconv(await telemetry.collectMetrics(), { failedModels: ["gpt-4o"] });
 */
export function checkMetricsSemconv(
  metrics: readonly MetricData[],
  requests: MetricRequests = {},
): SemconvFinding[] {
  const findings: SemconvFinding[] = [];
  for (const metric of metrics) {
    const { name, unit, valueType } = metric.descriptor;
    const subject = `metric ${name}`;
    if (name.startsWith(SIGHTLINE_NAMESPACE)) {
      for (const point of metric.dataPoints)
        for (const [attribute, value] of Object.entries(point.attributes))
          findings.push(...checkAttribute({ name: attribute, value, subject }));
      continue;
    }
    const fact = SEMCONV_FACTS.metrics[name];
    if (fact === undefined) {
      findings.push({
        rule: "unknown-metric",
        subject,
        severity: "violation",
        message: `not a semconv v${SEMCONV_FACTS.version} GenAI metric nor in Sightline's namespace`,
      });
      continue;
    }
    if (unit !== fact.unit)
      findings.push({
        rule: "metric-unit",
        subject,
        severity: "violation",
        message: `expected unit "${fact.unit}", got "${unit}"`,
      });
    if (instrumentOf(metric) !== fact.instrument)
      findings.push({
        rule: "metric-instrument",
        subject,
        severity: "violation",
        message: `expected a ${fact.instrument}, got a ${instrumentOf(metric)}`,
      });
    // Histogram points carry a double sum on the wire whatever the instrument's value type (OTLP has no int
    // histogram), so the model's value type is only visible, and only checked, on sums and gauges.
    const expectedValueType = fact.valueType === "int" ? ValueType.INT : ValueType.DOUBLE;
    if (fact.instrument !== "histogram" && fact.valueType !== undefined && valueType !== expectedValueType)
      findings.push({
        rule: "metric-value-type",
        subject,
        severity: "violation",
        message: `expected ${fact.valueType} values, got ${valueType === ValueType.INT ? "int" : "double"}`,
      });
    findings.push(...checkPoints(metric, fact, requests));
  }
  return findings;
}
