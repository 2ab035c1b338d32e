export { runProviderConformance } from "./conformance/run-provider-conformance.js";
export type {
  ConformanceCore,
  ConformanceRequest,
  ConformanceWrapOptions,
  ProviderConformanceAdapter,
} from "./conformance/types.js";
export { checkMetricsSemconv, type MetricRequests } from "./semconv/check-metrics-semconv.js";
export { checkSpanSemconv, type SpanRequest, type SpanToCheck } from "./semconv/check-span-semconv.js";
export { KNOWN_SEMCONV_GAPS, type KnownSemconvGap } from "./semconv/known-semconv-gaps.js";
export type { SemconvFinding } from "./semconv/semconv-finding.js";
export { SIGHTLINE_ATTRIBUTES, SIGHTLINE_NAMESPACE } from "./semconv/sightline-names.js";
