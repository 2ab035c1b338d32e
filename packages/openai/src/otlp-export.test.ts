import { context, metrics, propagation, trace } from "@opentelemetry/api";
import { OTLPTraceExporter as OTLPJsonTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { OTLPTraceExporter as OTLPProtoTraceExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import { NodeSDK } from "@opentelemetry/sdk-node";
import { type OtlpCaptureReceiver, startMockLLMServer, startOtlpCaptureReceiver } from "@sightline/testing";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { observeOpenAI } from "./observe-openai.js";

let receiver: OtlpCaptureReceiver;
beforeAll(async () => {
  receiver = await startOtlpCaptureReceiver();
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await receiver.close();
});

describe.each([
  ["OTLP/JSON", (url: string) => new OTLPJsonTraceExporter({ url }), "application/json"],
  ["OTLP/protobuf", (url: string) => new OTLPProtoTraceExporter({ url }), "application/x-protobuf"],
] as const)("export through @opentelemetry/sdk-node over %s", (_label, createExporter, contentType) => {
  it("delivers the GenAI span, decoded by a real receiver", async () => {
    vi.stubEnv("OTEL_METRICS_EXPORTER", "none");
    vi.stubEnv("OTEL_LOGS_EXPORTER", "none");
    receiver.reset();
    const server = await startMockLLMServer();
    const sdk = new NodeSDK({
      serviceName: "export-test",
      traceExporter: createExporter(`${receiver.url}/v1/traces`),
      instrumentations: [],
      // Only the trace path is under test: no logs/metrics exporters aimed at a default endpoint.
      logRecordProcessors: [],
      resourceDetectors: [],
    });
    sdk.start();
    try {
      // No providers passed: the wrapper must find the globals NodeSDK registered.
      const client = observeOpenAI(
        new OpenAI({ apiKey: "test", baseURL: server.openaiBaseURL, maxRetries: 0 }),
        { providerName: "openai" },
      );
      server.enqueue({ usage: { inputTokens: 11, outputTokens: 7 } });
      await client.chat.completions.create({
        model: "gpt-4o-mini",
        messages: [{ role: "user", content: "hi" }],
      });
    } finally {
      await sdk.shutdown();
      await server.close();
      // NodeSDK registers process-wide globals; clear them so the next case can register its own.
      trace.disable();
      metrics.disable();
      context.disable();
      propagation.disable();
    }
    const [span] = await receiver.waitForSpans(1);
    expect(receiver.requests[0]?.contentType).toBe(contentType);
    expect(receiver.requests[0]?.path).toBe("/v1/traces");
    expect(span?.name).toBe("chat gpt-4o-mini");
    expect(span?.kind).toBe(3); // SPAN_KIND_CLIENT in OTLP numbering
    expect(span?.scope.name).toBe("@sightline/openai");
    expect(span?.resource["service.name"]).toBe("export-test");
    expect(span?.attributes).toMatchObject({
      "gen_ai.operation.name": "chat",
      "gen_ai.provider.name": "openai",
      "gen_ai.usage.input_tokens": 11,
      "gen_ai.usage.output_tokens": 7,
      "gen_ai.response.finish_reasons": ["stop"],
    });
  });
});
