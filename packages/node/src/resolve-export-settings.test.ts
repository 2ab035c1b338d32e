import { SightlineError } from "@sightline/core";
import { describe, expect, it } from "vitest";
import { resolveExportSettings } from "./resolve-export-settings.js";

function errorOf(run: () => unknown): SightlineError {
  try {
    run();
  } catch (error) {
    if (SightlineError.isInstance(error)) return error;
    throw error;
  }
  throw new Error("expected a SightlineError");
}

describe("resolveExportSettings", () => {
  it("defaults to OTLP/HTTP protobuf on localhost:4318 for traces and metrics", () => {
    const settings = resolveExportSettings({ env: {} });
    expect(settings.preset).toBe("otlp");
    expect(settings.traces).toEqual({
      kind: "otlp",
      url: "http://localhost:4318/v1/traces",
      displayUrl: "http://localhost:4318/v1/traces",
      headers: {},
      protocol: "http/protobuf",
    });
    expect(settings.metrics).toMatchObject({ kind: "otlp", url: "http://localhost:4318/v1/metrics" });
    expect(settings.metricExportIntervalMs).toBe(60_000);
    expect(settings.shutdownTimeoutMs).toBe(2_000);
    expect(settings.flushOnExit).toBe(true);
  });

  it("reads every option from its environment variable", () => {
    const settings = resolveExportSettings({
      env: {
        SIGHTLINE_EXPORTER: "honeycomb",
        OTEL_SERVICE_NAME: "support-bot",
        HONEYCOMB_API_KEY: "hc-key",
        HONEYCOMB_DATASET: "classic-traces",
        HONEYCOMB_METRICS_DATASET: "bot-metrics",
        OTEL_EXPORTER_OTLP_PROTOCOL: "http/json",
        OTEL_METRIC_EXPORT_INTERVAL: "5000",
        SIGHTLINE_SHUTDOWN_TIMEOUT_MS: "750",
        SIGHTLINE_FLUSH_ON_EXIT: "false",
      },
    });
    expect(settings.serviceName).toBe("support-bot");
    expect(settings.traces).toEqual({
      kind: "otlp",
      url: "https://api.honeycomb.io/v1/traces",
      displayUrl: "https://api.honeycomb.io/v1/traces",
      headers: { "x-honeycomb-team": "hc-key", "x-honeycomb-dataset": "classic-traces" },
      protocol: "http/json",
    });
    expect(settings.metrics).toMatchObject({
      url: "https://api.honeycomb.io/v1/metrics",
      headers: { "x-honeycomb-team": "hc-key", "x-honeycomb-dataset": "bot-metrics" },
    });
    expect(settings.metricExportIntervalMs).toBe(5000);
    expect(settings.shutdownTimeoutMs).toBe(750);
    expect(settings.flushOnExit).toBe(false);
  });

  it("honeycomb sends the dataset header on metrics only, by default named after the service", () => {
    const settings = resolveExportSettings({
      exporter: "honeycomb",
      serviceName: "bot",
      honeycomb: { apiKey: "k", endpoint: "https://api.eu1.honeycomb.io" },
      env: {},
    });
    expect(settings.traces).toMatchObject({
      url: "https://api.eu1.honeycomb.io/v1/traces",
      headers: { "x-honeycomb-team": "k" },
    });
    expect(settings.metrics).toMatchObject({
      headers: { "x-honeycomb-team": "k", "x-honeycomb-dataset": "bot-metrics" },
    });
  });

  it("lets the standard OTLP variables override a preset's endpoint and headers (a local collector)", () => {
    const settings = resolveExportSettings({
      exporter: "honeycomb",
      env: {
        OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318/otlp/",
        OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: "http://collector:4318/custom/traces",
        OTEL_EXPORTER_OTLP_HEADERS: "x-honeycomb-team=from-env,authorization=Basic%20abc",
        OTEL_EXPORTER_OTLP_METRICS_HEADERS: "x-only-metrics=1",
      },
    });
    expect(settings.traces).toMatchObject({
      url: "http://collector:4318/custom/traces",
      headers: { "x-honeycomb-team": "from-env", authorization: "Basic abc" },
    });
    expect(settings.metrics).toMatchObject({
      url: "http://collector:4318/otlp/v1/metrics",
      headers: { "x-honeycomb-team": "from-env", "x-only-metrics": "1" },
    });
  });

  it("an option passed in code wins over the environment", () => {
    const settings = resolveExportSettings({
      endpoint: "http://127.0.0.1:9999",
      headers: { "X-Team": "code" },
      protocol: "http/json",
      env: {
        OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: "http://collector/v1/traces",
        OTEL_EXPORTER_OTLP_HEADERS: "x-team=env",
        OTEL_EXPORTER_OTLP_PROTOCOL: "http/protobuf",
      },
    });
    expect(settings.traces).toEqual({
      kind: "otlp",
      url: "http://127.0.0.1:9999/v1/traces",
      displayUrl: "http://127.0.0.1:9999/v1/traces",
      headers: { "x-team": "code" },
      protocol: "http/json",
    });
  });

  it("jaeger sends traces to localhost:4318, no metrics, and says so once", () => {
    const settings = resolveExportSettings({ exporter: "jaeger", env: {} });
    expect(settings.traces).toMatchObject({ url: "http://localhost:4318/v1/traces" });
    expect(settings.metrics).toEqual({ kind: "none" });
    expect(settings.notes).toHaveLength(1);
    expect(settings.notes[0]).toContain("Jaeger stores traces only");
    expect(resolveExportSettings({ exporter: "jaeger", metrics: "console", env: {} }).notes).toEqual([]);
  });

  it("console and none presets", () => {
    expect(resolveExportSettings({ exporter: "console", env: {} })).toMatchObject({
      traces: { kind: "console" },
      metrics: { kind: "console" },
    });
    expect(resolveExportSettings({ exporter: "none", env: {} })).toMatchObject({
      traces: { kind: "none" },
      metrics: { kind: "none" },
    });
    expect(resolveExportSettings({ env: { OTEL_METRICS_EXPORTER: "none" } }).metrics).toEqual({
      kind: "none",
    });
  });

  it("bad options throw one SightlineError naming the option and the fix", () => {
    expect(errorOf(() => resolveExportSettings({ exporter: "datadog" as never, env: {} })).message).toBe(
      'exporter: "datadog" is not supported; use one of "otlp", "jaeger", "honeycomb", "console", "none".',
    );
    expect(errorOf(() => resolveExportSettings({ env: { SIGHTLINE_EXPORTER: "zipkin" } })).message).toContain(
      '"zipkin" (from SIGHTLINE_EXPORTER)',
    );
    expect(errorOf(() => resolveExportSettings({ exporter: "honeycomb", env: {} })).message).toContain(
      "set HONEYCOMB_API_KEY or pass honeycomb: { apiKey }",
    );
    expect(errorOf(() => resolveExportSettings({ endpoint: "localhost:4318", env: {} })).message).toBe(
      'endpoint: "localhost:4318" is not an http(s) URL; use e.g. "http://localhost:4318" (OTLP/HTTP).',
    );
    expect(
      errorOf(() => resolveExportSettings({ env: { OTEL_EXPORTER_OTLP_ENDPOINT: "not a url" } })).message,
    ).toContain("OTEL_EXPORTER_OTLP_ENDPOINT:");
    expect(
      errorOf(() => resolveExportSettings({ env: { OTEL_EXPORTER_OTLP_PROTOCOL: "grpc" } })).message,
    ).toContain('use "http/protobuf"');
    expect(
      errorOf(() => resolveExportSettings({ exporter: "jaeger", metrics: "otlp", env: {} })).message,
    ).toContain("Jaeger accepts traces only");
    expect(errorOf(() => resolveExportSettings({ metricExportIntervalMs: 0, env: {} })).message).toContain(
      "metricExportIntervalMs",
    );
    expect(
      errorOf(() => resolveExportSettings({ env: { OTEL_EXPORTER_OTLP_HEADERS: "novalue" } })).message,
    ).toContain("OTEL_EXPORTER_OTLP_HEADERS");
  });

  it("bounds each export request by the shutdown timeout, unless OTEL_EXPORTER_OTLP_TIMEOUT says otherwise", () => {
    expect(resolveExportSettings({ shutdownTimeoutMs: 750, env: {} }).exportTimeoutMs).toBe(750);
    expect(
      resolveExportSettings({ shutdownTimeoutMs: 750, env: { OTEL_EXPORTER_OTLP_TIMEOUT: "10000" } })
        .exportTimeoutMs,
    ).toBe(10_000);
    expect(errorOf(() => resolveExportSettings({ env: { OTEL_EXPORTER_OTLP_TIMEOUT: "ten" } })).message).toBe(
      "export timeout: ten (from OTEL_EXPORTER_OTLP_TIMEOUT) is not a positive number of milliseconds up to 2147483647; use e.g. 2000.",
    );
  });

  it("a bad shutdown timeout throws, naming the option, where it came from and a good value", () => {
    expect(errorOf(() => resolveExportSettings({ shutdownTimeoutMs: -1, env: {} })).message).toBe(
      "shutdownTimeoutMs: -1 is not a positive number of milliseconds up to 2147483647; use e.g. 2000.",
    );
    expect(
      errorOf(() => resolveExportSettings({ env: { SIGHTLINE_SHUTDOWN_TIMEOUT_MS: "2s" } })).message,
    ).toBe(
      "shutdownTimeoutMs: 2s (from SIGHTLINE_SHUTDOWN_TIMEOUT_MS) is not a positive number of milliseconds up to 2147483647; use e.g. 2000.",
    );
    expect(
      resolveExportSettings({ shutdownTimeoutMs: 500, env: { SIGHTLINE_SHUTDOWN_TIMEOUT_MS: "9" } }),
    ).toMatchObject({
      shutdownTimeoutMs: 500,
    });
  });

  it("a malformed header entry is pointed at, not printed: it is often the bare API key", () => {
    const message = errorOf(() =>
      resolveExportSettings({ env: { OTEL_EXPORTER_OTLP_HEADERS: "x-a=1,hc-secret-key-123" } }),
    ).message;
    expect(message).toContain("OTEL_EXPORTER_OTLP_HEADERS: entry 2 is not a header");
    expect(message).not.toContain("hc-secret-key-123");
  });

  it("OTEL_EXPORTER_OTLP_ENDPOINT without a host is rejected, naming the variable and the fix", () => {
    expect(
      errorOf(() => resolveExportSettings({ env: { OTEL_EXPORTER_OTLP_ENDPOINT: "http://" } })).message,
    ).toBe(
      'OTEL_EXPORTER_OTLP_ENDPOINT: "http://" has no host; use e.g. "http://localhost:4318" (OTLP/HTTP).',
    );
  });

  it("a base endpoint with a query gets /v1/<signal> in its path, before the query", () => {
    const settings = resolveExportSettings({ endpoint: "http://host:4318/base?x=1", env: {} });
    expect(settings.traces).toMatchObject({ url: "http://host:4318/base/v1/traces?x=1" });
    expect(settings.metrics).toMatchObject({ url: "http://host:4318/base/v1/metrics?x=1" });
  });

  it("credentials in the endpoint become a Basic header and never show in the URL or description", () => {
    const settings = resolveExportSettings({
      env: { OTEL_EXPORTER_OTLP_ENDPOINT: "https://instance:s3cr3t-token@otlp.example.com/otlp" },
    });
    const basic = `Basic ${Buffer.from("instance:s3cr3t-token").toString("base64")}`;
    expect(settings.traces).toEqual({
      kind: "otlp",
      url: "https://otlp.example.com/otlp/v1/traces",
      displayUrl: "https://***@otlp.example.com/otlp/v1/traces",
      headers: { authorization: basic },
      protocol: "http/protobuf",
    });
    expect(JSON.stringify(settings)).not.toContain("s3cr3t");
  });

  it("an explicit authorization header wins over credentials in the URL, and it says so once", () => {
    const settings = resolveExportSettings({
      endpoint: "http://user:pw@collector:4318",
      headers: { Authorization: "Bearer explicit" },
      env: {},
    });
    expect(settings.traces).toMatchObject({ headers: { authorization: "Bearer explicit" } });
    expect(settings.notes).toEqual([
      "the user:password in endpoint is not used: an authorization header is set too, and it wins. Remove one of them.",
    ]);
  });

  it("a honeycomb key is not required when the traffic goes through a collector", () => {
    const settings = resolveExportSettings({
      exporter: "honeycomb",
      env: { OTEL_EXPORTER_OTLP_ENDPOINT: "http://127.0.0.1:4318" },
    });
    expect(settings.traces).toMatchObject({ url: "http://127.0.0.1:4318/v1/traces", headers: {} });
  });
});
