import { request as httpRequest } from "node:http";
import { gzipSync } from "node:zlib";
import { context, trace } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { OTLPMetricExporter as OTLPProtobufMetricExporter } from "@opentelemetry/exporter-metrics-otlp-proto";
import { OTLPTraceExporter as OTLPJsonTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { OTLPTraceExporter as OTLPProtobufTraceExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import { MeterProvider, PeriodicExportingMetricReader } from "@opentelemetry/sdk-metrics";
import { SimpleSpanProcessor, type SpanExporter, TracerProvider } from "@opentelemetry/sdk-trace";
import { observeOpenAI } from "@sightline/openai";
import { type MockLLMServer, startMockLLMServer } from "@sightline/testing";
import OpenAI from "openai";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startDevServer } from "./start-dev-server.js";
import type { DevServer } from "./types.js";

let llm: MockLLMServer;
let dev: DevServer | undefined;
let output: string[] = [];

beforeAll(async () => {
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  llm = await startMockLLMServer();
});
afterAll(async () => {
  await llm.close();
  context.disable();
});
afterEach(async () => {
  await dev?.close();
  dev = undefined;
  output = [];
});

async function startDev(options: Parameters<typeof startDevServer>[0] = {}): Promise<DevServer> {
  dev = await startDevServer({ port: 0, settleMs: 60_000, write: (text) => output.push(text), ...options });
  return dev;
}

/** A tracer provider that exports every span on end, so children reach the receiver before their root. */
function createProvider(exporter: SpanExporter): TracerProvider {
  return new TracerProvider({
    spanProcessors: [new SimpleSpanProcessor({ exporter })],
  });
}

async function runApp(provider: TracerProvider): Promise<void> {
  const openai = observeOpenAI(new OpenAI({ apiKey: "test", baseURL: llm.openaiBaseURL, maxRetries: 0 }), {
    providerName: "openai",
    tracerProvider: provider,
    streamUsage: "inject",
  });
  const tracer = provider.getTracer("app");
  await tracer.startActiveSpan("POST /chat", async (root) => {
    llm.enqueue(
      { text: "Paris is the capital.", usage: { inputTokens: 14, outputTokens: 8, cachedInputTokens: 4 } },
      { text: "Once upon a time.", chunks: 4, firstChunkDelayMs: 5 },
      { status: 429 },
    );
    await openai.chat.completions.create({
      model: "gpt-4o-mini",
      messages: [{ role: "user", content: "Capital?" }],
    });
    const stream = await openai.chat.completions.create({
      model: "gpt-4o-mini",
      messages: [{ role: "user", content: "A story" }],
      stream: true,
    });
    for await (const _chunk of stream) {
      // read to the end
    }
    await openai.chat.completions
      .create({ model: "gpt-4o", messages: [{ role: "user", content: "hi" }] })
      .catch(() => undefined);
    root.end();
  });
  await provider.forceFlush();
}

const text = () => output.join("");

describe("sightline dev", () => {
  it("prints a GenAI trace as a tree from OTLP/JSON sent by the OTel exporter", async () => {
    const server = await startDev();
    const provider = createProvider(new OTLPJsonTraceExporter({ url: `${server.url}/v1/traces` }));
    await runApp(provider);
    await provider.shutdown();
    const lines = text().split("\n");
    expect(lines[0]).toMatch(
      /^● trace [0-9a-f]{16} · unknown_service:.* · 4 spans · 3 model calls · \d+\.\d ms$/,
    );
    expect(lines[1]).toMatch(/^└─ POST \/chat {2}\d/);
    expect(lines[2]).toMatch(
      /^ {3}├─ chat gpt-4o-mini → gpt-4o-mini-2026-01-01 {2}\d+\.\d ms {2}tokens 14 in \(4 cached\) \/ 8 out( {2}\$\d\.\d+)? {2}finish stop$/,
    );
    expect(lines[3]).toMatch(
      /^ {3}├─ chat gpt-4o-mini .* first chunk \d+\.\d ms {2}tokens \d+ in \/ \d+ out( {2}\$\d\.\d+)? {2}finish stop$/,
    );
    expect(lines[4]).toMatch(/^ {3}└─ chat gpt-4o {2}\d+\.\d ms$/);
    expect(lines[5]).toMatch(/^ {9}✗ RateLimitError: /);
    expect(server.stats()).toMatchObject({ spans: 4, accepted: 4, malformed: 0, tooLarge: 0 });

    const summary = server.summary().split("\n");
    expect(summary[0]).toMatch(/^model\s+calls\s+errors\s+p50\s+p95\s+tokens in\s+tokens out\s+cost$/);
    expect(summary.find((line) => line.startsWith("gpt-4o-mini-2026-01-01"))).toMatch(
      /^gpt-4o-mini-2026-01-01\s+2\s+0\s+\S+ ms\s+\S+ ms\s+\d+\s+\d+\s+(—|\$\d\.\d+)$/,
    );
    expect(summary.find((line) => line.startsWith("gpt-4o "))).toMatch(/^gpt-4o\s+1\s+1\s/);
  });

  it("counts an AI SDK call (invoke_agent → agent_step → chat, tokens on all three) as one model call", async () => {
    const server = await startDev();
    const provider = createProvider(new OTLPJsonTraceExporter({ url: `${server.url}/v1/traces` }));
    const tracer = provider.getTracer("gen_ai");
    const usage = { "gen_ai.usage.input_tokens": 30, "gen_ai.usage.output_tokens": 10 };
    const agent = tracer.startSpan("invoke_agent gpt-4o-mini", {
      attributes: {
        "gen_ai.operation.name": "invoke_agent",
        "gen_ai.request.model": "gpt-4o-mini",
        ...usage,
      },
    });
    const agentContext = trace.setSpan(context.active(), agent);
    const step = tracer.startSpan(
      "step 1",
      { attributes: { "gen_ai.operation.name": "agent_step", ...usage } },
      agentContext,
    );
    const chat = tracer.startSpan(
      "chat gpt-4o-mini",
      {
        attributes: {
          "gen_ai.operation.name": "chat",
          "gen_ai.request.model": "gpt-4o-mini",
          "gen_ai.response.model": "gpt-4o-mini",
          ...usage,
        },
      },
      trace.setSpan(agentContext, step),
    );
    chat.end();
    step.end();
    agent.end();
    await provider.shutdown();
    expect(text().split("\n")[0]).toMatch(/ · 3 spans · 1 model call · /);
    const row = server
      .summary()
      .split("\n")
      .find((line) => line.startsWith("gpt-4o-mini"));
    expect(row).toMatch(/^gpt-4o-mini\s+1\s+0\s+\S+ ms\s+\S+ ms\s+30\s+10\s/);
    expect(server.summary().split("\n")).toHaveLength(2);
  });

  it("shows cost, drift events and the drift score gauge from OTLP/protobuf", async () => {
    const server = await startDev();
    const provider = createProvider(new OTLPProtobufTraceExporter({ url: `${server.url}/v1/traces` }));
    const span = provider.getTracer("sightline").startSpan("chat gpt-4o", {
      attributes: {
        "gen_ai.operation.name": "chat",
        "gen_ai.request.model": "gpt-4o",
        "gen_ai.response.model": "gpt-4o-2026-09-01",
        "gen_ai.usage.input_tokens": 100,
        "gen_ai.usage.output_tokens": 20,
        "gen_ai.usage.cost": 0.00045,
        "sightline.cost.match": "exact",
      },
    });
    span.addEvent("sightline.model_change", {
      "sightline.drift.signal": "response_model",
      "sightline.drift.detector": "identity",
      "sightline.drift.previous": "gpt-4o-2026-01-01",
      "sightline.drift.next": "gpt-4o-2026-09-01",
    });
    span.addEvent("sightline.drift", {
      "sightline.drift.signal": "output_tokens",
      "sightline.drift.score": 0.87,
    });
    span.addEvent("exception", { "exception.message": "not shown" });
    span.end();
    await provider.shutdown();

    const reader = new PeriodicExportingMetricReader({
      exporter: new OTLPProtobufMetricExporter({ url: `${server.url}/v1/metrics` }),
      exportIntervalMillis: 60_000,
    });
    const meterProvider = new MeterProvider({ readers: [reader] });
    meterProvider
      .getMeter("sightline")
      .createGauge("sightline.gen_ai.drift.score")
      .record(0.87, { "gen_ai.request.model": "gpt-4o" });
    await meterProvider.shutdown();

    const lines = text().split("\n");
    expect(lines[1]).toMatch(
      /^└─ chat gpt-4o → gpt-4o-2026-09-01 {2}\d+\.\d ms {2}tokens 100 in \/ 20 out {2}\$0\.000450$/,
    );
    expect(lines[2]).toBe(
      "      ⚑ sightline.model_change response_model: gpt-4o-2026-01-01 → gpt-4o-2026-09-01  detector=identity",
    );
    expect(lines[3]).toBe("      ⚑ sightline.drift output_tokens  score=0.87");
    expect(text()).not.toContain("not shown");
    expect(text()).toContain("⚑ drift score 0.870 gen_ai.request.model=gpt-4o\n");
    expect(server.summary()).toMatch(/gpt-4o-2026-09-01\s+1\s+0\s+\S+ ms\s+\S+ ms\s+100\s+20\s+\$0\.000450/);
    expect(server.stats().metricPoints).toBeGreaterThanOrEqual(1);
  });

  it("--json prints one JSON line per span", async () => {
    const server = await startDev({ json: true });
    const provider = createProvider(new OTLPProtobufTraceExporter({ url: `${server.url}/v1/traces` }));
    await runApp(provider);
    await provider.shutdown();
    const lines = text().trim().split("\n");
    expect(lines).toHaveLength(4);
    const spans = lines.map((line) => JSON.parse(line) as Record<string, any>);
    expect(spans.map((span) => span.name)).toEqual([
      "chat gpt-4o-mini",
      "chat gpt-4o-mini",
      "chat gpt-4o",
      "POST /chat",
    ]);
    expect(spans[0]?.attributes["gen_ai.usage.input_tokens"]).toBe(14);
    expect(spans[0]?.parentSpanId).toBe(spans[3]?.spanId);
    expect(typeof spans[0]?.durationMs).toBe("number");
  });

  it("answers 413 to a 20 MB body and 400 to garbage, counts them, and keeps serving", async () => {
    const server = await startDev();
    const big = await post({ url: `${server.url}/v1/traces`, body: Buffer.alloc(20 * 1024 * 1024, 7) });
    expect(big.status).toBe(413);
    const chunked = await post({
      url: `${server.url}/v1/traces`,
      body: Buffer.alloc(20 * 1024 * 1024, 7),
      chunked: true,
    });
    expect(chunked.status).toBe(413);
    const garbage = await post({
      url: `${server.url}/v1/traces`,
      body: Buffer.from("{not json"),
      contentType: "application/json",
    });
    expect(garbage.status).toBe(400);
    const notAnObject = await post({
      url: `${server.url}/v1/metrics`,
      body: Buffer.from("42"),
      contentType: "application/json",
    });
    expect(notAnObject.status).toBe(400);
    const wrongPath = await post({ url: `${server.url}/v1/logs`, body: Buffer.from("{}") });
    expect(wrongPath.status).toBe(404);

    const provider = createProvider(new OTLPJsonTraceExporter({ url: `${server.url}/v1/traces` }));
    await runApp(provider);
    await provider.shutdown();
    expect(text()).toContain("└─ POST /chat");
    expect(server.stats()).toMatchObject({ tooLarge: 2, malformed: 2, unsupported: 1, spans: 4 });
  });

  it("accepts gzip-compressed exports, and answers 413 to a gzip body that inflates past the limit", async () => {
    const server = await startDev({ maxBodyBytes: 1024 * 1024 });
    const provider = createProvider(
      // `CompressionAlgorithm.GZIP` is the string "gzip"; its enum lives in a package this one does not import.
      new OTLPProtobufTraceExporter({
        url: `${server.url}/v1/traces`,
        compression: "gzip",
      } as ConstructorParameters<typeof OTLPProtobufTraceExporter>[0]),
    );
    await runApp(provider);
    await provider.shutdown();
    expect(text()).toContain("└─ POST /chat");
    const bomb = gzipSync(Buffer.alloc(8 * 1024 * 1024));
    const response = await post({ url: `${server.url}/v1/traces`, body: bomb, contentEncoding: "gzip" });
    expect(response.status).toBe(413);
    expect(server.stats()).toMatchObject({ spans: 4, tooLarge: 1 });
  });

  it("keeps only the most recent traces in memory", async () => {
    const server = await startDev({ maxTraces: 2, json: true });
    const provider = createProvider(new OTLPJsonTraceExporter({ url: `${server.url}/v1/traces` }));
    for (let index = 0; index < 5; index += 1) provider.getTracer("t").startSpan(`job ${index}`).end();
    await provider.shutdown();
    expect(server.stats()).toMatchObject({ spans: 5, dropped: 3 });
  });

  it("prints a trace whose root never arrives once it settles", async () => {
    const server = await startDev({ settleMs: 50 });
    const provider = createProvider(new OTLPJsonTraceExporter({ url: `${server.url}/v1/traces` }));
    const tracer = provider.getTracer("t");
    const root = tracer.startSpan("remote parent (never ends)");
    const child = tracer.startSpan(
      "chat gpt-4o",
      { attributes: { "gen_ai.operation.name": "chat", "gen_ai.request.model": "gpt-4o" } },
      trace.setSpan(context.active(), root),
    );
    child.end();
    await provider.forceFlush();
    await expect.poll(() => text(), { timeout: 3000 }).toContain("└─ chat gpt-4o");
    await provider.shutdown();
  });

  it("refuses a port already in use with one clear error", async () => {
    const server = await startDev();
    const port = Number(new URL(server.url).port);
    await expect(startDevServer({ port, write: () => {} })).rejects.toThrow(/already in use.*--port 0/);
  });

  it("refuses retention limits that are not positive numbers, naming the field", async () => {
    await expect(startDevServer({ port: 0, retention: { maxAgeHours: 0 } })).rejects.toThrow(
      /retention\.maxAgeHours: 0 must be a positive number/,
    );
    await expect(startDevServer({ port: 0, retention: { maxSizeMb: Number.NaN } })).rejects.toThrow(
      /retention\.maxSizeMb: NaN must be a positive number/,
    );
  });
});

function post(options: {
  url: string;
  body: Buffer;
  contentType?: string;
  contentEncoding?: string;
  chunked?: boolean;
}): Promise<{ status: number }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      options.url,
      {
        method: "POST",
        headers: {
          "content-type": options.contentType ?? "application/x-protobuf",
          ...(options.contentEncoding ? { "content-encoding": options.contentEncoding } : {}),
          ...(options.chunked
            ? { "transfer-encoding": "chunked" }
            : { "content-length": options.body.length }),
        },
      },
      (response) => {
        response.resume();
        response.on("end", () => resolve({ status: response.statusCode ?? 0 }));
      },
    );
    // The server may answer 413 and close before the whole upload is written; the status is what counts.
    request.on("error", reject);
    request.end(options.body);
  });
}
