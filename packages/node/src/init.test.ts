import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { context, metrics, propagation, SpanKind, trace } from "@opentelemetry/api";
import {
  InMemorySpanExporter,
  SimpleSpanProcessor,
  type SpanProcessor,
  TracerProvider,
} from "@opentelemetry/sdk-trace";
import { recordOutcome } from "@sightline/core";
import { DURATION_BUCKETS, TOKEN_BUCKETS } from "@sightline/core/semconv";
import { observeOpenAI } from "@sightline/openai";
import {
  type MockLLMServer,
  type OtlpCaptureReceiver,
  startMockLLMServer,
  startOtlpCaptureReceiver,
} from "@sightline/testing";
import OpenAI from "openai";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { init } from "./init.js";
import { type FaultyCollector, getClosedPort, startFaultyCollector } from "./start-faulty-collector.js";
import type { SightlineTelemetry } from "./types.js";

let receiver: OtlpCaptureReceiver;
let llm: MockLLMServer;
let telemetry: SightlineTelemetry | undefined;
const logged: string[] = [];
const log = (message: string) => logged.push(message);

beforeAll(async () => {
  receiver = await startOtlpCaptureReceiver();
  llm = await startMockLLMServer();
});
afterAll(async () => {
  await receiver.close();
  await llm.close();
});
beforeEach(() => {
  receiver.reset();
  logged.length = 0;
});
afterEach(async () => {
  await telemetry?.shutdown();
  telemetry = undefined;
  // init() registers process-wide globals; clear them so each test starts from a clean process.
  trace.disable();
  metrics.disable();
  context.disable();
  propagation.disable();
});

async function chat(): Promise<void> {
  const openai = observeOpenAI(new OpenAI({ apiKey: "test", baseURL: llm.openaiBaseURL, maxRetries: 0 }), {
    providerName: "openai",
  });
  llm.enqueue({ text: "Paris.", usage: { inputTokens: 12, outputTokens: 3 } });
  await openai.chat.completions.create({
    model: "gpt-4o-mini",
    messages: [{ role: "user", content: "Capital of France?" }],
  });
}

describe("init", () => {
  it("otlp: exports spans and semconv-bucketed metrics over protobuf, and shutdown flushes", async () => {
    telemetry = init({
      serviceName: "support-bot",
      endpoint: receiver.url,
      resourceAttributes: { "deployment.environment.name": "test" },
      flushOnExit: false,
      log,
      env: {},
    });
    expect(telemetry.started).toBe(true);
    await chat();
    recordOutcome({ kind: "resolved" });
    // A histogram without advice still gets the semconv buckets: the view sets them.
    metrics.getMeter("other").createHistogram("gen_ai.client.operation.duration").record(0.5, {
      "gen_ai.operation.name": "chat",
      "gen_ai.provider.name": "no-advice",
    });
    await telemetry.shutdown();

    const [span] = receiver.spans();
    expect(span?.name).toBe("chat gpt-4o-mini");
    expect(span?.attributes["gen_ai.usage.input_tokens"]).toBe(12);
    expect(span?.resource).toMatchObject({
      "service.name": "support-bot",
      "deployment.environment.name": "test",
      "telemetry.sdk.language": "nodejs",
    });
    const traceRequest = receiver.requests.find((request) => request.path === "/v1/traces");
    expect(traceRequest?.contentType).toBe("application/x-protobuf");
    expect(receiver.requests.some((request) => request.path === "/v1/metrics")).toBe(true);

    const durations = receiver
      .metrics()
      .filter((metric) => metric.name === "gen_ai.client.operation.duration");
    const points = durations.flatMap((metric) => metric.points);
    expect(points.length).toBeGreaterThanOrEqual(2);
    for (const point of points) expect(point.explicitBounds).toEqual([...DURATION_BUCKETS]);
    expect(points.find((point) => point.attributes["gen_ai.provider.name"] === "no-advice")?.count).toBe(1);
    // The wrapped client's own point, from Sightline's aggregation that init() registers on its reader.
    expect(points.find((point) => point.attributes["gen_ai.provider.name"] === "openai")?.count).toBe(1);
    const tokens = receiver.metrics().find((metric) => metric.name === "gen_ai.client.token.usage");
    expect(tokens?.points[0]?.explicitBounds).toEqual([...TOKEN_BUCKETS]);
    expect(tokens?.resource["service.name"]).toBe("support-bot");
    // Counts of whole things go out as OTLP `asInt` (INT instruments); money stays `asDouble`.
    const pointsOf = (name: string) =>
      receiver
        .metrics()
        .filter((metric) => metric.name === name)
        .flatMap((metric) => metric.points);
    expect(pointsOf("sightline.gen_ai.outcomes").map((point) => [point.value, point.valueType])).toEqual([
      [1, "int"],
    ]);
    expect(pointsOf("sightline.gen_ai.cost")[0]?.valueType).toBe("double");
    expect(logged).toEqual([]);
  });

  it("honeycomb: x-honeycomb-team on both signals, the dataset header on metrics only (JSON)", async () => {
    telemetry = init({
      serviceName: "support-bot",
      exporter: "honeycomb",
      protocol: "http/json",
      honeycomb: { apiKey: "hc-test-key", endpoint: `${receiver.url}/honeycomb` },
      flushOnExit: false,
      log,
      env: {},
    });
    await chat();
    await telemetry.shutdown();
    const traces = receiver.requests.find((request) => request.path === "/honeycomb/v1/traces");
    const metricRequests = receiver.requests.find((request) => request.path === "/honeycomb/v1/metrics");
    expect(traces?.contentType).toBe("application/json");
    expect(traces?.headers["x-honeycomb-team"]).toBe("hc-test-key");
    expect(traces?.headers["x-honeycomb-dataset"]).toBeUndefined();
    expect(metricRequests?.headers["x-honeycomb-team"]).toBe("hc-test-key");
    expect(metricRequests?.headers["x-honeycomb-dataset"]).toBe("support-bot-metrics");
    expect(receiver.spans()[0]?.resource["service.name"]).toBe("support-bot");
  });

  it("jaeger: traces only, and it says once that metrics are not exported", async () => {
    telemetry = init({ exporter: "jaeger", endpoint: receiver.url, flushOnExit: false, log, env: {} });
    await chat();
    await telemetry.shutdown();
    expect(receiver.requests.map((request) => request.path)).toEqual(["/v1/traces"]);
    expect(receiver.spans()).toHaveLength(1);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toContain("Jaeger stores traces only");
    expect(telemetry.description).toEqual([
      `traces → ${receiver.url}/v1/traces (http/protobuf)`,
      "metrics → not exported",
    ]);
  });

  it("the standard OTEL_EXPORTER_OTLP_* variables redirect a preset (e.g. to a local collector)", async () => {
    telemetry = init({
      exporter: "jaeger",
      flushOnExit: false,
      log,
      env: {
        OTEL_SERVICE_NAME: "from-env",
        OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: `${receiver.url}/collector/v1/traces`,
        OTEL_EXPORTER_OTLP_HEADERS: "authorization=Basic%20abc",
      },
    });
    await chat();
    await telemetry.shutdown();
    const [request] = receiver.requests;
    expect(request?.path).toBe("/collector/v1/traces");
    expect(request?.headers.authorization).toBe("Basic abc");
    expect(receiver.spans()[0]?.resource["service.name"]).toBe("from-env");
  });

  it("user:password in the endpoint is sent as Basic auth and never shown", async () => {
    const endpoint = receiver.url.replace("http://", "http://team:s3cr3t-key@");
    telemetry = init({ endpoint, metrics: "none", flushOnExit: false, log, env: {} });
    await chat();
    await telemetry.shutdown();
    const [request] = receiver.requests;
    expect(request?.path).toBe("/v1/traces");
    expect(request?.headers.authorization).toBe(`Basic ${Buffer.from("team:s3cr3t-key").toString("base64")}`);
    expect(telemetry.description[0]).toBe(
      `traces → ${receiver.url.replace("http://", "http://***@")}/v1/traces (http/protobuf)`,
    );
    expect(logged.join("\n")).not.toContain("s3cr3t");
  });

  it("flush() exports buffered spans without shutting down (serverless handlers)", async () => {
    telemetry = init({ endpoint: receiver.url, metrics: "none", flushOnExit: false, log, env: {} });
    await chat();
    expect(receiver.spans()).toHaveLength(0);
    await telemetry.flush();
    expect(receiver.spans()).toHaveLength(1);
    await chat();
    await telemetry.flush();
    expect(receiver.spans()).toHaveLength(2);
  });

  it("adds Sightline's span processor by itself: another tool's GenAI span is priced, its roll-up is not", async () => {
    const captured = new InMemorySpanExporter();
    telemetry = init({
      exporter: "none",
      spanProcessors: [new SimpleSpanProcessor({ exporter: captured })],
      flushOnExit: false,
      log,
      env: {},
    });
    const tracer = trace.getTracer("gen_ai");
    const agent = tracer.startSpan("invoke_agent", {
      attributes: { "gen_ai.operation.name": "invoke_agent" },
    });
    const chat = context.with(trace.setSpan(context.active(), agent), () =>
      tracer.startSpan("chat gpt-4o-mini", {
        kind: SpanKind.CLIENT,
        attributes: {
          "gen_ai.operation.name": "chat",
          "gen_ai.provider.name": "openai",
          "gen_ai.request.model": "gpt-4o-mini",
        },
      }),
    );
    chat.setAttributes({ "gen_ai.usage.input_tokens": 12, "gen_ai.usage.output_tokens": 3 });
    chat.end();
    agent.setAttributes({ "gen_ai.usage.input_tokens": 12, "gen_ai.usage.output_tokens": 3 });
    agent.end();
    // The SDK's resource detectors settle asynchronously, and the export waits for them.
    await telemetry.flush();
    const [chatSpan, agentSpan] = captured.getFinishedSpans();
    expect(chatSpan?.attributes["gen_ai.usage.cost"]).toBeGreaterThan(0);
    expect(agentSpan?.attributes["gen_ai.usage.cost"]).toBeUndefined();
  });

  it("a second init() while one runs returns the running telemetry, and a fresh one after shutdown", async () => {
    telemetry = init({ endpoint: receiver.url, flushOnExit: false, log, env: {} });
    const again = init({ exporter: "console", log, env: {} });
    expect(again).toBe(telemetry);
    expect(logged).toEqual([]);
    await chat();
    await again.flush();
    expect(receiver.spans().map((span) => span.name)).toEqual(["chat gpt-4o-mini"]);
    await telemetry.shutdown();
    trace.disable();
    metrics.disable();
    context.disable();
    propagation.disable();
    const fresh = init({ exporter: "none", flushOnExit: false, log, env: {} });
    expect(fresh).not.toBe(again);
    expect(fresh.started).toBe(true);
    telemetry = fresh;
  });

  it("an already registered tracer provider is left alone, with instructions", async () => {
    const existing = new TracerProvider();
    trace.setGlobalTracerProvider(existing);
    telemetry = init({ endpoint: receiver.url, flushOnExit: false, log, env: {} });
    expect(telemetry.started).toBe(false);
    expect(trace.getTracerProvider().getTracer("x")).toBe(existing.getTracer("x"));
    expect(logged).toHaveLength(1);
    expect(logged[0]).toContain("a tracer provider (TracerProvider) is already registered");
    expect(logged[0]).toContain("createSightlineExport");
    await existing.shutdown();
  });

  it("console: spans and metrics are printed, nothing is sent", async () => {
    const printed: unknown[] = [];
    const spy = vi.spyOn(console, "dir").mockImplementation((value: unknown) => void printed.push(value));
    try {
      telemetry = init({ exporter: "console", flushOnExit: false, log, env: {} });
      await chat();
      await telemetry.shutdown();
    } finally {
      spy.mockRestore();
    }
    expect(receiver.requests).toHaveLength(0);
    expect(printed.some((value) => (value as { name?: string }).name === "chat gpt-4o-mini")).toBe(true);
    expect(printed.some((value) => JSON.stringify(value).includes("gen_ai.client.operation.duration"))).toBe(
      true,
    );
    expect(telemetry.description).toEqual(["traces → console", "metrics → console"]);
  });

  it("OTEL_SDK_DISABLED=true starts nothing", async () => {
    telemetry = init({ endpoint: receiver.url, flushOnExit: false, log, env: { OTEL_SDK_DISABLED: "true" } });
    expect(telemetry.started).toBe(false);
    await chat();
    await telemetry.flush();
    expect(receiver.requests).toHaveLength(0);
  });

  it("bad options throw before anything is registered", () => {
    expect(() => init({ exporter: "honeycomb", env: {}, log })).toThrow(/HONEYCOMB_API_KEY/);
    expect(() => init({ endpoint: "ftp://x", env: {}, log })).toThrow(
      /endpoint: "ftp:\/\/x" is not an http\(s\) URL/,
    );
    expect(trace.getTracerProvider().getTracer("x").startSpan("s").isRecording()).toBe(false);
  });
});

describe("init under faults", () => {
  let collector: FaultyCollector | undefined;
  afterEach(async () => {
    await collector?.close();
    collector = undefined;
  });

  function endSpan(): void {
    trace.getTracer("fault-test").startSpan("work").end();
  }

  it("shutdown() returns within shutdownTimeoutMs when the collector accepts but never answers", async () => {
    collector = await startFaultyCollector({ behave: () => "hang" });
    telemetry = init({
      endpoint: collector.url,
      shutdownTimeoutMs: 300,
      flushOnExit: false,
      log,
      env: {},
    });
    endSpan();
    const started = performance.now();
    await telemetry.shutdown();
    expect(performance.now() - started).toBeLessThan(1500);
    expect(collector.requests.map((request) => request.path)).toContain("/v1/traces");
    expect(logged).toEqual([
      `1 span could not be delivered to ${collector.url}/v1/traces (no answer within 300 ms)`,
    ]);
  });

  it("flush() returns within shutdownTimeoutMs when the collector hangs", async () => {
    collector = await startFaultyCollector({ behave: () => "hang" });
    telemetry = init({ endpoint: collector.url, shutdownTimeoutMs: 300, flushOnExit: false, log, env: {} });
    endSpan();
    const started = performance.now();
    await telemetry.flush();
    expect(performance.now() - started).toBeLessThan(1500);
  });

  it("flush() and shutdown() are bounded even when a span processor never settles", async () => {
    const stuck: SpanProcessor = {
      onStart: () => {},
      onEnd: () => {},
      forceFlush: () => new Promise(() => {}),
      shutdown: () => new Promise(() => {}),
    };
    telemetry = init({
      endpoint: receiver.url,
      spanProcessors: [stuck],
      shutdownTimeoutMs: 300,
      flushOnExit: false,
      log,
      env: {},
    });
    await chat();
    const started = performance.now();
    await telemetry.flush();
    await telemetry.shutdown();
    expect(performance.now() - started).toBeLessThan(2500);
    // Sightline's own processor was not held up by the stuck one.
    expect(receiver.spans()).toHaveLength(1);
  });

  it("says an export failure once through the logger, then the total at shutdown", async () => {
    collector = await startFaultyCollector({ behave: () => ({ status: 500, body: "collector is sick" }) });
    telemetry = init({ endpoint: collector.url, metrics: "none", flushOnExit: false, log, env: {} });
    for (let round = 0; round < 3; round++) {
      endSpan();
      endSpan();
      await telemetry.flush();
    }
    const url = `${collector.url}/v1/traces`;
    expect(logged).toEqual([
      `could not export to ${url} (HTTP 500 Internal Server Error: collector is sick): 2 spans dropped so far. Sightline keeps trying; later failures are only counted, and the total comes at shutdown.`,
    ]);
    await telemetry.shutdown();
    expect(logged.slice(1)).toEqual([
      `6 spans could not be delivered to ${url} (HTTP 500 Internal Server Error: collector is sick)`,
    ]);
  });

  it("says once that delivery resumed when the collector comes back", async () => {
    collector = await startFaultyCollector({
      behave: ({ index }) => (index === 0 ? { status: 500 } : { status: 200 }),
    });
    telemetry = init({ endpoint: collector.url, metrics: "none", flushOnExit: false, log, env: {} });
    for (let round = 0; round < 3; round++) {
      endSpan();
      await telemetry.flush();
    }
    expect(logged[1]).toBe(`delivery to ${collector.url}/v1/traces resumed; 1 span had been dropped.`);
    expect(logged).toHaveLength(2);
  });

  it("429 until the timeout is explained, and header values never reach the log", async () => {
    collector = await startFaultyCollector({
      behave: ({ index }) =>
        index === 0 ? { status: 429 } : { status: 401, body: "unknown API key hc-secret-key-123" },
    });
    telemetry = init({
      endpoint: collector.url,
      headers: { "x-api-key": "hc-secret-key-123" },
      metrics: "none",
      shutdownTimeoutMs: 300,
      flushOnExit: false,
      log,
      env: {},
    });
    endSpan();
    await telemetry.flush();
    // Flushed again, not at shutdown: a shutdown right after a failed export sends nothing more (the endpoint
    // would hold the exit past its bound), and this test is about what the second answer's log says.
    endSpan();
    await telemetry.flush();
    await telemetry.shutdown();
    expect(collector.requests[0]?.headers["x-api-key"]).toBe("hc-secret-key-123");
    expect(logged[0]).toContain("(the receiver kept answering 'retry later' (HTTP 429, 502, 503 or 504))");
    expect(logged[1]).toBe(
      `2 spans could not be delivered to ${collector.url}/v1/traces (HTTP 401 Unauthorized: unknown API key ***)`,
    );
    expect(logged.join("\n")).not.toContain("hc-secret-key-123");
  });
});

describe("a script using init() exits promptly (child process, built package)", () => {
  const packageDirectory = fileURLToPath(new URL("..", import.meta.url));

  function runScript(options: { code: string; env: Record<string, string> }) {
    if (!existsSync(`${packageDirectory}/dist/index.js`)) {
      throw new Error("build @sightline/node first: pnpm exec turbo run build --filter=@sightline/node");
    }
    const started = performance.now();
    // A bare environment: nothing from this process (NODE_OPTIONS, OTEL_*) changes what the child does.
    const child = spawn(process.execPath, ["--input-type=module", "-e", options.code], {
      cwd: packageDirectory,
      env: { PATH: process.env.PATH ?? "", ...options.env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const exited = new Promise<{ code: number | null; signal: string | null; elapsedMs: number }>((resolve) =>
      child.once("exit", (code, signal) => resolve({ code, signal, elapsedMs: performance.now() - started })),
    );
    return { child, exited, output: () => ({ stdout, stderr }) };
  }

  const script = (after: string) => `
    import { trace } from "@opentelemetry/api";
    import { init } from "./dist/index.js";
    init({ serviceName: "exit-test" });
    trace.getTracer("exit-test").startSpan("work").end();
    ${after}
  `;

  /**
   * Runs a script whose last line prints "work ended at <Date.now()>" against `collector`, with a
   * 1.5 s shutdown bound; resolves with its exit code, the milliseconds from that line to its exit,
   * and what it printed.
   */
  async function timeExitAfterWork(options: { code: string; collector: { url: string } }) {
    const run = runScript({
      code: options.code,
      env: { OTEL_EXPORTER_OTLP_ENDPOINT: options.collector.url, SIGHTLINE_SHUTDOWN_TIMEOUT_MS: "1500" },
    });
    const { code } = await run.exited;
    const exitedAt = Date.now();
    const workEndedAt = Number(/work ended at (\d+)/.exec(run.output().stdout)?.[1]);
    return { code, afterWorkMs: exitedAt - workEndedAt, output: run.output() };
  }

  it("with nothing listening: exits on its own within 4 s and says what was lost, once", async () => {
    const port = await getClosedPort();
    const run = runScript({
      code: script(""),
      env: { OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${port}` },
    });
    const { code, elapsedMs } = await run.exited;
    const lines = run
      .output()
      .stderr.split("\n")
      .filter((line) => line.includes("[sightline]"));
    expect(code).toBe(0);
    expect(elapsedMs).toBeLessThan(4000);
    expect(lines).toEqual([
      `[sightline] 1 span could not be delivered to http://127.0.0.1:${port}/v1/traces (ECONNREFUSED)`,
    ]);
  });

  it("on SIGTERM with a hanging collector: the exit hook ends within the shutdown timeout", async () => {
    const hanging = await startFaultyCollector({ behave: () => "hang" });
    try {
      const run = runScript({
        code: script('setInterval(() => {}, 1000); console.log("ready");'),
        env: { OTEL_EXPORTER_OTLP_ENDPOINT: hanging.url, SIGHTLINE_SHUTDOWN_TIMEOUT_MS: "500" },
      });
      await vi.waitFor(() => expect(run.output().stdout).toContain("ready"), { timeout: 5000 });
      const signalled = performance.now();
      run.child.kill("SIGTERM");
      const { signal } = await run.exited;
      expect(performance.now() - signalled).toBeLessThan(2500);
      expect(signal).toBe("SIGTERM");
      expect(run.output().stderr).toContain(
        `[sightline] 1 span could not be delivered to ${hanging.url}/v1/traces (no answer within 500 ms)`,
      );
    } finally {
      await hanging.close();
    }
  });

  it("ending its work while an export hangs in flight: gone within the shutdown timeout, not twice it", async () => {
    // 600 spans fill a batch, so an export starts at once and hangs. The SDK's batch processor held the
    // process with a ref'd timer for that export's whole timeout before the exit flush could even start.
    const hanging = await startFaultyCollector({ behave: () => "hang" });
    try {
      const { code, afterWorkMs, output } = await timeExitAfterWork({
        code: `
          import { trace } from "@opentelemetry/api";
          import { init } from "./dist/index.js";
          init({ serviceName: "exit-test", metrics: "none" });
          const tracer = trace.getTracer("exit-test");
          for (let index = 0; index < 600; index++) tracer.startSpan("work").end();
          console.log("work ended at " + Date.now());
        `,
        collector: hanging,
      });
      expect(code).toBe(0);
      // One shutdown bound after the work; the old path first waited out the hanging export's timeout.
      expect(afterWorkMs).toBeLessThan(1500 + 800);
      expect(output.stderr).toContain("600 spans could not be delivered");
    } finally {
      await hanging.close();
    }
  });

  it("ending its work while periodic metric exports hang in flight: gone within the shutdown timeout", async () => {
    // The SDK's periodic reader held the process with a ref'd timer for a hanging export's whole
    // timeout before the exit flush could start.
    const hanging = await startFaultyCollector({ behave: () => "hang" });
    try {
      const { code, afterWorkMs } = await timeExitAfterWork({
        code: `
          import { metrics } from "@opentelemetry/api";
          import { init } from "./dist/index.js";
          init({ serviceName: "exit-test", metricExportIntervalMs: 1500 });
          metrics.getMeter("exit-test").createCounter("work").add(1);
          setTimeout(() => console.log("work ended at " + Date.now()), 1600);
        `,
        collector: hanging,
      });
      expect(code).toBe(0);
      // One shutdown bound after the work; the old path first waited out the hanging export's timeout.
      expect(afterWorkMs).toBeLessThan(1500 + 800);
      expect(hanging.requests.length).toBeGreaterThanOrEqual(2);
    } finally {
      await hanging.close();
    }
  });

  it("ending its work while a slow collector answers batch after batch: gone within the shutdown timeout", async () => {
    // Each answer takes 1.2 s, so the exit flush's second batch is still in flight at the bound. Node's
    // agent refs a kept-alive socket again when it reuses it, which held the process until that answer.
    const slow = await startFaultyCollector({ behave: () => ({ status: 200, delayMs: 1200 }) });
    try {
      const { code, afterWorkMs } = await timeExitAfterWork({
        code: `
          import { trace } from "@opentelemetry/api";
          import { init } from "./dist/index.js";
          init({ serviceName: "exit-test", metrics: "none" });
          const tracer = trace.getTracer("exit-test");
          for (let index = 0; index < 1100; index++) tracer.startSpan("work").end();
          console.log("work ended at " + Date.now());
        `,
        collector: slow,
      });
      expect(code).toBe(0);
      expect(afterWorkMs).toBeLessThan(1500 + 800);
      expect(slow.requests.length).toBeGreaterThanOrEqual(2);
    } finally {
      await slow.close();
    }
  });
});
