import { SpanStatusCode } from "@opentelemetry/api";
import {
  InMemorySpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
  TracerProvider,
} from "@opentelemetry/sdk-trace";
import { afterEach, describe, expect, it } from "vitest";
import { createRedactingSpanExporter } from "./create-redacting-span-exporter.js";
import { createRedactor } from "./create-redactor.js";

const memory = new InMemorySpanExporter();
const provider = new TracerProvider({
  spanProcessors: [
    new SimpleSpanProcessor({ exporter: createRedactingSpanExporter<ReadableSpan>({ exporter: memory }) }),
  ],
});
const tracer = provider.getTracer("other-instrumentation");
// Raw finished spans, to hand to exporters under test directly.
const rawMemory = new InMemorySpanExporter();
const rawTracer = new TracerProvider({
  spanProcessors: [new SimpleSpanProcessor({ exporter: rawMemory })],
}).getTracer("raw");

describe("createRedactingSpanExporter", () => {
  afterEach(() => {
    memory.reset();
    rawMemory.reset();
  });

  it("cleans attributes, array attributes, event attributes and the status message of any span", () => {
    const span = tracer.startSpan("POST /v1/chat", {
      attributes: {
        "llm.input_messages.0.content": "my key is sk-ant-api03-abcdefghijklmnopqrstuvwxyz0123",
        tags: ["ok", "mail bob@example.com"],
        "server.address": "10.1.2.3",
        "http.status_code": 200,
      },
    });
    span.addEvent("prompt", { "gen_ai.prompt": "call +1 415 555 2671" });
    span.setStatus({ code: SpanStatusCode.ERROR, message: "invalid key AKIAABCDEFGHIJKLMNOP" });
    span.end();
    const [exported] = memory.getFinishedSpans();
    expect(exported?.attributes["llm.input_messages.0.content"]).toBe(
      "my key is [REDACTED:anthropic_api_key]",
    );
    expect(exported?.attributes.tags).toEqual(["ok", "mail [REDACTED:email]"]);
    expect(exported?.attributes["server.address"]).toBe("10.1.2.3");
    expect(exported?.attributes["http.status_code"]).toBe(200);
    expect(exported?.events[0]?.attributes?.["gen_ai.prompt"]).toBe("call [REDACTED:phone]");
    expect(exported?.status.message).toBe("invalid key [REDACTED:aws_access_key]");
    expect(exported?.attributes["sightline.redaction.anthropic_api_key.count"]).toBe(1);
    expect(exported?.attributes["sightline.redaction.count"]).toBe(4);
    // The rest of the span is intact.
    expect(exported?.spanContext().traceId).toBe(span.spanContext().traceId);
    expect(exported?.name).toBe("POST /v1/chat");
    expect(exported?.ended).toBe(true);
  });

  it("passes clean spans on as the same objects", () => {
    const seen: ReadableSpan[] = [];
    const exporter = createRedactingSpanExporter<ReadableSpan>({
      exporter: {
        export: (spans, done) => {
          seen.push(...spans);
          done({ code: 0 });
        },
        shutdown: async () => {},
      },
    });
    const span = rawTracer.startSpan("clean", { attributes: { note: "nothing here" } });
    span.end();
    const [original] = rawMemory.getFinishedSpans();
    exporter.export([original as ReadableSpan], () => {});
    expect(seen[0]).toBe(original);
  });

  it("uses the given redactor and kept attributes", () => {
    const seen: ReadableSpan[] = [];
    const exporter = createRedactingSpanExporter<ReadableSpan>({
      redactor: createRedactor({ detectors: ["email"] }),
      keepAttributes: ["audit.email"],
      exporter: {
        export: (spans, done) => {
          seen.push(...spans);
          done({ code: 0 });
        },
        shutdown: async () => {},
      },
    });
    const span = rawTracer.startSpan("s", {
      attributes: { "audit.email": "a@b.io", other: "a@b.io 10.0.0.1" },
    });
    span.end();
    exporter.export(rawMemory.getFinishedSpans() as ReadableSpan[], () => {});
    expect(seen[0]?.attributes).toMatchObject({
      "audit.email": "a@b.io",
      other: "[REDACTED:email] 10.0.0.1",
    });
  });

  it("fails closed when redaction throws: the batch is reported failed, not exported raw", () => {
    let exported = false;
    let code = -1;
    const exporter = createRedactingSpanExporter<ReadableSpan>({
      redactor: {
        redact: () => {
          throw new Error("boom");
        },
      },
      exporter: {
        export: () => {
          exported = true;
        },
        shutdown: async () => {},
      },
    });
    const span = rawTracer.startSpan("s", { attributes: { a: "x" } });
    span.end();
    exporter.export(rawMemory.getFinishedSpans() as ReadableSpan[], (result) => {
      code = result.code;
    });
    expect(exported).toBe(false);
    expect(code).toBe(1);
  });

  it("forwards shutdown and forceFlush", async () => {
    let flushed = false;
    let stopped = false;
    const exporter = createRedactingSpanExporter({
      exporter: {
        export: (_spans, done) => done({ code: 0 }),
        forceFlush: async () => {
          flushed = true;
        },
        shutdown: async () => {
          stopped = true;
        },
      },
    });
    await exporter.forceFlush?.();
    await exporter.shutdown();
    expect([flushed, stopped]).toEqual([true, true]);
  });
});
