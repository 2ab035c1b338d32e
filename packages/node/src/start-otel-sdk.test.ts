import { context, createContextKey, diag, metrics, propagation, type Span, trace } from "@opentelemetry/api";
import { InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createEnvReader } from "./read-env.js";
import type { InstrumentationLike } from "./register-instrumentations.js";
import { type StartedOtelSdk, startOtelSdk } from "./start-otel-sdk.js";

let sdk: StartedOtelSdk | undefined;
afterEach(async () => {
  await sdk?.shutdown();
  sdk = undefined;
  trace.disable();
  metrics.disable();
  context.disable();
  propagation.disable();
  vi.restoreAllMocks();
});

function start(
  env: Record<string, string>,
  extra: Partial<Parameters<typeof startOtelSdk>[0]> = {},
): InMemorySpanExporter {
  const exporter = new InMemorySpanExporter();
  sdk = startOtelSdk({
    read: createEnvReader(env),
    serviceName: undefined,
    resourceAttributes: undefined,
    spanProcessors: [new SimpleSpanProcessor({ exporter })],
    metricReaders: [],
    views: [],
    instrumentations: [],
    ...extra,
  });
  return exporter;
}

/** Stops the running SDK and clears the globals, so the next start() registers afresh. */
async function stop(): Promise<void> {
  await sdk?.shutdown();
  sdk = undefined;
  trace.disable();
  propagation.disable();
}

/** The finished spans, once the processor has exported them (it waits for async resource attributes). */
async function finishedSpans(exporter: InMemorySpanExporter) {
  await sdk?.tracerProvider.forceFlush();
  return exporter.getFinishedSpans();
}

function startSpan(name = "work"): Span {
  return trace.getTracer("test").startSpan(name);
}

describe("startOtelSdk: the OTEL_* variables the SDK configuration spec defines", () => {
  it("samples everything by default and nothing with OTEL_TRACES_SAMPLER=always_off", async () => {
    start({});
    expect(startSpan().isRecording()).toBe(true);
    await stop();
    start({ OTEL_TRACES_SAMPLER: "always_off" });
    expect(startSpan().isRecording()).toBe(false);
  });

  it("takes the ratio of traceidratio from OTEL_TRACES_SAMPLER_ARG, and warns on a bad one", async () => {
    start({ OTEL_TRACES_SAMPLER: "traceidratio", OTEL_TRACES_SAMPLER_ARG: "0" });
    expect(startSpan().isRecording()).toBe(false);
    await stop();
    const warn = vi.spyOn(diag, "warn");
    expect(() => start({ OTEL_TRACES_SAMPLER: "traceidratio", OTEL_TRACES_SAMPLER_ARG: "2" })).not.toThrow();
    expect(startSpan().isRecording()).toBe(true);
    expect(warn.mock.calls.flat().join(" ")).toContain("OTEL_TRACES_SAMPLER_ARG");
  });

  it("keeps the default sampler and says why on an unknown OTEL_TRACES_SAMPLER", () => {
    const warn = vi.spyOn(diag, "warn");
    start({ OTEL_TRACES_SAMPLER: "sometimes" });
    expect(startSpan().isRecording()).toBe(true);
    expect(warn.mock.calls.flat().join(" ")).toContain('unknown OTEL_TRACES_SAMPLER "sometimes"');
  });

  it("applies the span attribute limits", async () => {
    const exporter = start({ OTEL_SPAN_ATTRIBUTE_COUNT_LIMIT: "2", OTEL_ATTRIBUTE_VALUE_LENGTH_LIMIT: "4" });
    const span = startSpan();
    span.setAttributes({ a: "123456", b: 2, c: 3 });
    span.end();
    const [finished] = await finishedSpans(exporter);
    expect(finished?.attributes).toEqual({ a: "1234", b: 2 });
  });

  it("propagates W3C trace context and baggage by default, nothing with OTEL_PROPAGATORS=none", async () => {
    start({});
    const span = startSpan();
    const carrier: Record<string, string> = {};
    const withBaggage = propagation.setBaggage(
      trace.setSpan(context.active(), span),
      propagation.createBaggage({ tenant: { value: "acme" } }),
    );
    propagation.inject(withBaggage, carrier);
    expect(carrier.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    expect(carrier.baggage).toBe("tenant=acme");
    await stop();
    start({ OTEL_PROPAGATORS: "none" });
    const none: Record<string, string> = {};
    propagation.inject(trace.setSpan(context.active(), startSpan()), none);
    expect(none).toEqual({});
  });

  it("names a propagator it does not bring, and keeps the ones it knows", () => {
    const warn = vi.spyOn(diag, "warn");
    start({ OTEL_PROPAGATORS: "b3,tracecontext" });
    const carrier: Record<string, string> = {};
    propagation.inject(trace.setSpan(context.active(), startSpan()), carrier);
    expect(Object.keys(carrier)).toEqual(["traceparent"]);
    expect(warn.mock.calls.flat().join(" ")).toContain('OTEL_PROPAGATORS "b3"');
  });

  it("keeps context across awaits (the AsyncLocalStorage context manager)", async () => {
    start({});
    const key = createContextKey("request");
    const seen = await context.with(context.active().setValue(key, "r-1"), async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      return context.active().getValue(key);
    });
    expect(seen).toBe("r-1");
  });

  it("puts the service name over OTEL_RESOURCE_ATTRIBUTES and resourceAttributes, with process facts", async () => {
    vi.stubEnv("OTEL_RESOURCE_ATTRIBUTES", "service.name=from-env,team=search");
    const exporter = start(
      {},
      { serviceName: "support-bot", resourceAttributes: { "deployment.environment.name": "test" } },
    );
    startSpan().end();
    vi.unstubAllEnvs();
    const [finished] = await finishedSpans(exporter);
    const attributes = finished?.resource.attributes ?? {};
    expect(attributes["service.name"]).toBe("support-bot");
    expect(attributes.team).toBe("search");
    expect(attributes["deployment.environment.name"]).toBe("test");
    expect(attributes["process.pid"]).toBe(process.pid);
    expect(attributes["telemetry.sdk.language"]).toBe("nodejs");
  });
});

describe("startOtelSdk: instrumentations", () => {
  function fakeInstrumentation(enabled = false) {
    const calls: string[] = [];
    const instrumentation: InstrumentationLike = {
      setTracerProvider: (provider) => calls.push(`tracer:${provider === sdk?.tracerProvider}`),
      setMeterProvider: (provider) => calls.push(`meter:${provider === sdk?.meterProvider}`),
      enable: () => calls.push("enable"),
      disable: () => calls.push("disable"),
      isEnabled: () => enabled,
    };
    return { instrumentation, calls };
  }

  it("hands each one the providers and enables it once, nested lists included", () => {
    const first = fakeInstrumentation();
    const second = fakeInstrumentation();
    const already = fakeInstrumentation(true);
    start(
      {},
      { instrumentations: [first.instrumentation, [second.instrumentation, already.instrumentation]] },
    );
    // The providers exist before registration, so the comparison is made once sdk is set.
    expect(first.calls.filter((call) => call === "enable")).toHaveLength(1);
    expect(second.calls).toContain("enable");
    expect(already.calls).not.toContain("enable");
    expect(first.calls.slice(0, 2).map((call) => call.split(":")[0])).toEqual(["tracer", "meter"]);
  });
});
