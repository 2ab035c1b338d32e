import { describe, expect, it } from "vitest";
import { sightlineMetrics } from "./sightline-metric-names.js";
import { toPrometheusLabelName, toPrometheusMetricName } from "./to-prometheus-name.js";

describe("toPrometheusMetricName", () => {
  // The C2 table of the research notes, extended to every metric Sightline emits.
  it.each([
    [
      sightlineMetrics.operationDuration,
      "gen_ai_client_operation_duration_seconds",
      "gen_ai_client_operation_duration",
    ],
    [sightlineMetrics.tokenUsage, "gen_ai_client_token_usage", "gen_ai_client_token_usage"],
    [
      sightlineMetrics.timeToFirstChunk,
      "gen_ai_client_operation_time_to_first_chunk_seconds",
      "gen_ai_client_operation_time_to_first_chunk",
    ],
    [sightlineMetrics.cost, "sightline_gen_ai_cost_USD_total", "sightline_gen_ai_cost_total"],
    [
      sightlineMetrics.unpricedCalls,
      "sightline_gen_ai_cost_unpriced_total",
      "sightline_gen_ai_cost_unpriced_total",
    ],
    [sightlineMetrics.driftScore, "sightline_gen_ai_drift_score_ratio", "sightline_gen_ai_drift_score"],
    [
      sightlineMetrics.driftEvents,
      "sightline_gen_ai_drift_events_total",
      "sightline_gen_ai_drift_events_total",
    ],
  ])("names %o", (metric, otlpName, exporterName) => {
    expect(toPrometheusMetricName(metric, "otlp")).toBe(otlpName);
    expect(toPrometheusMetricName(metric, "prometheus-exporter")).toBe(exporterName);
  });

  it("follows otlptranslator's unit rules in otlp mode", () => {
    const name = (metricName: string, unit: string, kind: "counter" | "gauge" | "histogram" = "histogram") =>
      toPrometheusMetricName({ name: metricName, unit, kind }, "otlp");
    expect(name("http.server.duration", "ms")).toBe("http_server_duration_milliseconds");
    expect(name("payload.size", "By")).toBe("payload_size_bytes");
    expect(name("throughput", "By/s")).toBe("throughput_bytes_per_second");
    expect(name("cost.unpriced", "{USD}", "counter")).toBe("cost_unpriced_total");
    // The suffix is not repeated when the name already has it.
    expect(name("wait.seconds", "s")).toBe("wait_seconds");
    expect(name("requests.total", "{request}", "counter")).toBe("requests_total");
    expect(name("cpu.utilization", "1", "gauge")).toBe("cpu_utilization_ratio");
    expect(name("events", "1", "counter")).toBe("events_total");
  });

  it("never adds unit suffixes in prometheus-exporter mode", () => {
    expect(
      toPrometheusMetricName(
        { name: "http.server.duration", unit: "ms", kind: "histogram" },
        "prometheus-exporter",
      ),
    ).toBe("http_server_duration");
  });
});

describe("toPrometheusLabelName", () => {
  it("turns dots into underscores", () => {
    expect(toPrometheusLabelName("gen_ai.request.model")).toBe("gen_ai_request_model");
    expect(toPrometheusLabelName("error.type")).toBe("error_type");
  });
});
