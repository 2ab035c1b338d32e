import { createOpenAI } from "@ai-sdk/openai";
import { OpenTelemetry } from "@ai-sdk/otel";
import { context } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { SimpleSpanProcessor, type SpanProcessor, TracerProvider } from "@opentelemetry/sdk-trace";
import { createSightlineSpanProcessor } from "@sightline/core";
import { type MockLLMServer, startMockLLMServer } from "@sightline/testing";
import { generateText, streamText } from "ai";
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

async function run(options: { processor: boolean; stream: boolean }): Promise<DevServer> {
  dev = await startDevServer({ port: 0, settleMs: 60_000, write: (text) => output.push(text) });
  const exporting = new SimpleSpanProcessor({
    exporter: new OTLPTraceExporter({ url: `${dev.url}/v1/traces` }),
  });
  const spanProcessors: SpanProcessor[] = options.processor
    ? [createSightlineSpanProcessor(), exporting]
    : [exporting];
  const provider = new TracerProvider({ spanProcessors });
  const telemetry = { integrations: [new OpenTelemetry({ tracer: provider.getTracer("gen_ai") })] };
  const model = createOpenAI({ baseURL: llm.openaiBaseURL, apiKey: "test-key" }).chat("gpt-4o-mini");
  llm.enqueue({ text: "Paris.", usage: { inputTokens: 14, outputTokens: 8 } });
  if (options.stream) {
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

  it("without Sightline's processor: still one call with its tokens once, but no cost", async () => {
    const server = await run({ processor: false, stream: false });
    const summary = server.summary().split("\n");
    expect(summary[1]).toMatch(/^gpt-4o-mini\S*\s+1\s+0\s+\S+ ms\s+\S+ ms\s+14\s+8\s+—$/);
  });
});
