import { createOpenAI } from "@ai-sdk/openai";
import { OpenTelemetry } from "@ai-sdk/otel";
import { context } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { SimpleSpanProcessor, type SpanProcessor, TracerProvider } from "@opentelemetry/sdk-trace";
import { sightlineMiddleware, sightlineTelemetry } from "@sightline/ai-sdk";
import { createSightlineSpanProcessor } from "@sightline/core";
import { type MockLLMServer, startMockLLMServer } from "@sightline/testing";
import {
  embed,
  generateObject,
  generateText,
  jsonSchema,
  streamText,
  type Telemetry,
  wrapLanguageModel,
} from "ai";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startDevServer } from "./start-dev-server.js";
import type { DevServer } from "./types.js";

/**
 * The AI SDK 7 with its own OTel integration (`@ai-sdk/otel` 1.0.173: invoke_agent → step → chat spans)
 * and Sightline's span processor, calling the mock over HTTP through `@ai-sdk/openai`, exported to
 * `sightline dev` over OTLP/JSON.
 */
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

const citySchema = jsonSchema<{ city: string }>({
  type: "object",
  properties: { city: { type: "string" } },
  required: ["city"],
});

/** How Sightline's own AI SDK integration is added beside `@ai-sdk/otel`, if at all. */
type SightlineAISDK = "none" | "telemetry listed first" | "telemetry listed after" | "middleware";

/** The AI SDK call made: each starts its model-call span from a different hook. */
type Call = "generateText" | "streamText" | "generateObject" | "embed";

async function run(options: {
  processor: boolean;
  stream?: boolean;
  call?: Call;
  sightline?: SightlineAISDK;
}): Promise<DevServer> {
  dev = await startDevServer({ port: 0, settleMs: 60_000, write: (text) => output.push(text) });
  const exporting = new SimpleSpanProcessor({
    exporter: new OTLPTraceExporter({ url: `${dev.url}/v1/traces` }),
  });
  const spanProcessors: SpanProcessor[] = options.processor
    ? [createSightlineSpanProcessor(), exporting]
    : [exporting];
  const provider = new TracerProvider({ spanProcessors });
  const otel = new OpenTelemetry({ tracer: provider.getTracer("gen_ai") });
  const ours = { tracerProvider: provider };
  const integrations: Telemetry[] =
    options.sightline === "telemetry listed first"
      ? [sightlineTelemetry(ours), otel]
      : options.sightline === "telemetry listed after"
        ? [otel, sightlineTelemetry(ours)]
        : [otel];
  const telemetry = { integrations };
  const base = createOpenAI({ baseURL: llm.openaiBaseURL, apiKey: "test-key" }).chat("gpt-4o-mini");
  const model =
    options.sightline === "middleware"
      ? wrapLanguageModel({ model: base, middleware: sightlineMiddleware(ours) })
      : base;
  const call: Call = options.call ?? (options.stream ? "streamText" : "generateText");
  if (call === "embed") {
    const embedder = createOpenAI({ baseURL: llm.openaiBaseURL, apiKey: "test-key" }).embedding(
      "text-embedding-3-small",
    );
    await embed({ model: embedder, value: "Capital of France?", telemetry });
    await provider.shutdown();
    return dev;
  }
  llm.enqueue({
    text: call === "generateObject" ? '{"city":"Paris"}' : "Paris.",
    usage: { inputTokens: 14, outputTokens: 8 },
  });
  if (call === "generateObject") {
    await generateObject({ model, prompt: "Capital of France?", schema: citySchema, telemetry });
  } else if (call === "streamText") {
    const result = streamText({ model, prompt: "Capital of France?", telemetry });
    for await (const _text of result.textStream) {
      // read to the end
    }
  } else {
    await generateText({ model, prompt: "Capital of France?", telemetry });
  }
  await provider.shutdown();
  return dev;
}

describe("the AI SDK's own spans (@ai-sdk/otel) in sightline dev", () => {
  for (const stream of [false, true]) {
    it(`one model call is counted once, with its tokens once and a cost from the processor${stream ? " (streamText)" : ""}`, async () => {
      const server = await run({ processor: true, stream });
      const text = output.join("");
      expect(text).toMatch(/ · 3 spans · 1 model call · /);
      const summary = server.summary().split("\n");
      expect(summary).toHaveLength(2);
      expect(summary[1]).toMatch(/^gpt-4o-mini\S*\s+1\s+0\s+\S+ ms\s+\S+ ms\s+14\s+8\s+\$\d\.\d+$/);
    });
  }

  for (const processor of [true, false]) {
    it(`embed: the AI SDK's embeddings span around the request is a roll-up, not a second call (${processor ? "with" : "without"} the processor)`, async () => {
      const server = await run({ processor, call: "embed" });
      expect(output.join("")).toMatch(/ · 2 spans · 1 model call · /);
      const summary = server.summary().split("\n");
      expect(summary).toHaveLength(2);
      expect(summary[1]).toMatch(/^text-embedding-3-small\S*\s+1\s+0\s/);
    });
  }

  it("without Sightline's processor: still one call with its tokens once, but no cost", async () => {
    const server = await run({ processor: false, stream: false });
    const summary = server.summary().split("\n");
    expect(summary[1]).toMatch(/^gpt-4o-mini\S*\s+1\s+0\s+\S+ ms\s+\S+ ms\s+14\s+8\s+—$/);
  });

  for (const sightline of ["telemetry listed first", "telemetry listed after", "middleware"] as const) {
    for (const stream of [false, true]) {
      it(`with @sightline/ai-sdk too (${sightline}${stream ? ", streamText" : ""}): still one model call with its tokens once and a cost`, async () => {
        const server = await run({ processor: true, stream, sightline });
        expect(output.join("")).toMatch(/ · 1 model call · /);
        const summary = server.summary().split("\n");
        expect(summary).toHaveLength(2);
        expect(summary[1]).toMatch(/^gpt-4o-mini\S*\s+1\s+0\s+\S+ ms\s+\S+ ms\s+14\s+8\s+\$\d\.\d+$/);
      });
    }
  }

  // generateObject and embed start their model-call spans from event hooks in both integrations:
  // the span processor pairs them whichever integration is listed first.
  for (const sightline of ["telemetry listed first", "telemetry listed after"] as const) {
    it(`generateObject with @sightline/ai-sdk too (${sightline}): one model call with its tokens once and a cost`, async () => {
      const server = await run({ processor: true, call: "generateObject", sightline });
      expect(output.join("")).toMatch(/ · 1 model call · /);
      const summary = server.summary().split("\n");
      expect(summary).toHaveLength(2);
      expect(summary[1]).toMatch(/^gpt-4o-mini\S*\s+1\s+0\s+\S+ ms\s+\S+ ms\s+14\s+8\s+\$\d\.\d+$/);
    });

    it(`embed with @sightline/ai-sdk too (${sightline}): one embeddings call with a cost`, async () => {
      const server = await run({ processor: true, call: "embed", sightline });
      expect(output.join("")).toMatch(/ · 1 model call · /);
      const summary = server.summary().split("\n");
      expect(summary).toHaveLength(2);
      expect(summary[1]).toMatch(/^text-embedding-3-small\S*\s+1\s+0\s.*\$\d\.\d+$/);
    });
  }
});
