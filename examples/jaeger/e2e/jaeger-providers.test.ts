// Each provider's scenario through init({ exporter: "jaeger" }) into a real Jaeger v2, read back through the
// documented v3 query: real SDK clients against the mock LLM server, which speaks each provider's wire format.
import Anthropic from "@anthropic-ai/sdk";
import { BedrockRuntimeClient, ConverseCommand } from "@aws-sdk/client-bedrock-runtime";
import { GoogleGenAI } from "@google/genai";
import { Mistral } from "@mistralai/mistralai";
import { trace } from "@opentelemetry/api";
import { observeAnthropic } from "@sightline/anthropic";
import { observeBedrock } from "@sightline/bedrock";
import { observeCohere } from "@sightline/cohere";
import { observeGoogleGenAI } from "@sightline/google-genai";
import { observeMistral } from "@sightline/mistral";
import { init } from "@sightline/node";
import { observeOllama } from "@sightline/ollama";
import { observeOpenAI } from "@sightline/openai";
import { startMockLLMServer } from "@sightline/testing";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import { CohereClientV2 } from "cohere-ai";
import { Ollama } from "ollama";
import OpenAI from "openai";
import { beforeAll, describe, expect, it } from "vitest";
import { type JaegerOtlpSpan, requireEnvironment, waitForV3Spans } from "./query-jaeger.js";

const SERVICE = `jaeger-providers-${process.pid}`;
const CLIENT_KINDS = [3, "SPAN_KIND_CLIENT"];
const ERROR_CODES = [2, "STATUS_CODE_ERROR"];
let spans: JaegerOtlpSpan[] = [];

const named = (name: string): JaegerOtlpSpan => {
  const found = spans.filter((span) => span.name === name);
  const [only] = found;
  if (found.length !== 1 || !only) throw new Error(`expected one span named ${name}, found ${found.length}`);
  return only;
};

beforeAll(async () => {
  const telemetry = init({
    serviceName: SERVICE,
    exporter: "jaeger",
    endpoint: requireEnvironment("JAEGER_OTLP_URL"),
    flushOnExit: false,
    log: () => {},
  });
  const mock = await startMockLLMServer();
  const openai = observeOpenAI(new OpenAI({ apiKey: "test", baseURL: mock.openaiBaseURL, maxRetries: 0 }), {
    providerName: "openai",
  });
  const anthropic = observeAnthropic(new Anthropic({ apiKey: "test", baseURL: mock.url, maxRetries: 0 }));
  const google = observeGoogleGenAI(new GoogleGenAI({ apiKey: "test", httpOptions: { baseUrl: mock.url } }));
  const mistral = observeMistral(
    new Mistral({ apiKey: "test", serverURL: `${mock.url}/mistral`, retryConfig: { strategy: "none" } }),
  );
  const ollama = observeOllama(new Ollama({ host: mock.url }));
  const cohere = observeCohere(
    new CohereClientV2({ token: "test", baseUrl: `${mock.url}/cohere`, maxRetries: 0 }),
  );
  const bedrock = observeBedrock(
    new BedrockRuntimeClient({
      region: "us-east-1",
      endpoint: mock.url,
      credentials: { accessKeyId: "AKIDMOCK", secretAccessKey: "mock-secret" },
      maxAttempts: 1,
      // The runtime client defaults to HTTP/2, which the mock server does not speak.
      requestHandler: new NodeHttpHandler(),
    }),
  );
  try {
    await trace.getTracer("backend-suite").startActiveSpan("provider scenarios", async (root) => {
      await openai.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: "Hi" }] });
      const stream = await openai.chat.completions.create({
        model: "gpt-4o-mini",
        messages: [{ role: "user", content: "Stream" }],
        stream: true,
        stream_options: { include_usage: true },
      });
      for await (const _chunk of stream) {
        // read to the end
      }
      mock.enqueue({ status: 400 });
      await openai.chat.completions
        .create({ model: "gpt-4.1", messages: [{ role: "user", content: "Bad" }] })
        .catch(() => undefined);
      await anthropic.messages.create({
        model: "claude-sonnet-4-5",
        max_tokens: 64,
        messages: [{ role: "user", content: "Hi" }],
      });
      await google.models.generateContent({ model: "gemini-2.5-flash", contents: "Hi" });
      await mistral.chat.complete({
        model: "mistral-small-latest",
        messages: [{ role: "user", content: "Hi" }],
      });
      await ollama.chat({ model: "llama3.2", messages: [{ role: "user", content: "Hi" }], stream: false });
      await cohere.chat({ model: "command-r-plus", messages: [{ role: "user", content: "Hi" }] });
      await bedrock.send(
        new ConverseCommand({
          modelId: "anthropic.claude-haiku-4-5-20251001-v1:0",
          messages: [{ role: "user", content: [{ text: "Hi" }] }],
        }),
      );
      root.end();
    });
  } finally {
    await telemetry.shutdown();
    await mock.close();
  }
  spans = await waitForV3Spans(SERVICE, 10);
});

describe("provider scenarios in a real Jaeger", () => {
  it("parents every client span under the app's span, in one trace", () => {
    const root = named("provider scenarios");
    const children = spans.filter((span) => span !== root);
    expect(children).toHaveLength(9);
    for (const child of children) {
      expect(child.traceId).toBe(root.traceId);
      expect(child.parentSpanId).toBe(root.spanId);
      expect(CLIENT_KINDS).toContain(child.kind);
    }
  });

  it("openai chat: provider, models and integer token counts", () => {
    const chat = named("chat gpt-4o");
    expect(chat.attributes["gen_ai.provider.name"]).toEqual({ stringValue: "openai" });
    expect(chat.attributes["gen_ai.operation.name"]).toEqual({ stringValue: "chat" });
    expect(chat.attributes["gen_ai.response.model"]?.stringValue).toMatch(/^gpt-4o/);
    expect(chat.attributes["gen_ai.usage.input_tokens"]).toHaveProperty("intValue");
    expect(chat.attributes["server.port"]).toHaveProperty("intValue");
  });

  it("openai stream: the first-chunk time as a double, finish reasons as a string array", () => {
    const stream = named("chat gpt-4o-mini");
    expect(stream.attributes["gen_ai.response.time_to_first_chunk"]).toHaveProperty("doubleValue");
    expect(stream.attributes["gen_ai.response.finish_reasons"]).toEqual({
      arrayValue: { values: [{ stringValue: "stop" }] },
    });
  });

  it("openai error: error status, error.type and an exception event", () => {
    const failed = named("chat gpt-4.1");
    expect(ERROR_CODES).toContain(failed.status.code);
    expect(failed.attributes["error.type"]).toEqual({ stringValue: "BadRequestError" });
    const exception = failed.events.find((event) => event.name === "exception");
    // The class name, as error.type says, not the error's code (OTel JS's recordException would take it).
    expect(exception?.attributes["exception.type"]).toEqual({ stringValue: "BadRequestError" });
    const others = spans.filter((span) => span !== failed);
    for (const span of others) expect(ERROR_CODES).not.toContain(span.status.code);
  });

  it("anthropic: a chat span with the anthropic provider and token counts", () => {
    const chat = named("chat claude-sonnet-4-5");
    expect(chat.attributes["gen_ai.provider.name"]).toEqual({ stringValue: "anthropic" });
    expect(chat.attributes["gen_ai.usage.output_tokens"]).toHaveProperty("intValue");
  });

  it("google-genai: a generate_content span with the gcp.gemini provider", () => {
    const generate = spans.find((span) => span.name.endsWith("gemini-2.5-flash"));
    expect(generate?.attributes["gen_ai.provider.name"]?.stringValue).toMatch(/^gcp\./);
    expect(generate?.attributes["gen_ai.usage.input_tokens"]).toHaveProperty("intValue");
  });

  it("mistral and ollama: chat spans with their providers and integer token counts", () => {
    const mistralChat = named("chat mistral-small-latest");
    expect(mistralChat.attributes["gen_ai.provider.name"]).toEqual({ stringValue: "mistral_ai" });
    expect(mistralChat.attributes["gen_ai.usage.input_tokens"]).toHaveProperty("intValue");
    const ollamaChat = named("chat llama3.2");
    expect(ollamaChat.attributes["gen_ai.provider.name"]?.stringValue).toBeTypeOf("string");
    expect(ollamaChat.attributes["gen_ai.usage.output_tokens"]).toHaveProperty("intValue");
  });

  it("cohere and bedrock: chat spans with their providers and integer token counts", () => {
    const cohereChat = named("chat command-r-plus");
    expect(cohereChat.attributes["gen_ai.provider.name"]).toEqual({ stringValue: "cohere" });
    expect(cohereChat.attributes["gen_ai.usage.input_tokens"]).toHaveProperty("intValue");
    const bedrockChat = named("chat anthropic.claude-haiku-4-5-20251001-v1:0");
    expect(bedrockChat.attributes["gen_ai.provider.name"]).toEqual({ stringValue: "aws.bedrock" });
    expect(bedrockChat.attributes["gen_ai.usage.output_tokens"]).toHaveProperty("intValue");
  });
});
