import { logs } from "@opentelemetry/api";
import { InMemoryLogRecordExporter, LoggerProvider, SimpleLogRecordProcessor } from "@opentelemetry/sdk-logs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { useOpenAITestContext, waitForSpans } from "./test-helpers.js";

const ctx = useOpenAITestContext();

/** Registers an SDK logger provider globally, as NodeSDK does, writing to memory. */
function registerLogs(): InMemoryLogRecordExporter {
  const exporter = new InMemoryLogRecordExporter();
  const provider = new LoggerProvider({ processors: [new SimpleLogRecordProcessor({ exporter })] });
  expect(logs.setGlobalLoggerProvider(provider)).toBe(true);
  return exporter;
}

afterEach(() => {
  vi.restoreAllMocks();
  logs.disable();
});

describe("gen_ai.client.operation.exception through the Logs API", () => {
  it("emits one WARN event per failed call, typed by class, in the span's context", async () => {
    const exporter = registerLogs();
    ctx.server.enqueue({ status: 429 });
    const client = ctx.observed();
    const error = await client.chat.completions
      .create({ model: "gpt-4o-mini", messages: [{ role: "user", content: "hi" }] })
      .catch((caught: unknown) => caught);
    expect((error as { code?: unknown }).code).toBe("rate_limit_exceeded");
    const [span] = await waitForSpans(ctx.telemetry, 1);
    const records = exporter.getFinishedLogRecords();
    expect(records).toHaveLength(1);
    const [record] = records;
    expect(record?.eventName).toBe("gen_ai.client.operation.exception");
    expect(record?.severityNumber).toBe(13);
    expect(record?.severityText).toBe("WARN");
    // The class name, as on the span's `exception` event and `error.type`, not the error's `code`.
    expect(record?.attributes["exception.type"]).toBe("RateLimitError");
    expect(record?.attributes["exception.message"]).toBe(
      span?.events.find((event) => event.name === "exception")?.attributes?.["exception.message"],
    );
    expect(record?.attributes["exception.stacktrace"]).toBeTypeOf("string");
    expect(span?.attributes["error.type"]).toBe("RateLimitError");
    expect(record?.spanContext?.traceId).toBe(span?.spanContext().traceId);
    expect(record?.spanContext?.spanId).toBe(span?.spanContext().spanId);
  });

  it("emits one for a stream that fails mid-way too", async () => {
    const exporter = registerLogs();
    ctx.server.enqueue({ chunks: 10, cutAfterChunks: 3 });
    const client = ctx.observed();
    const stream = await client.chat.completions.create({
      model: "gpt-4o-mini",
      messages: [{ role: "user", content: "hi" }],
      stream: true,
    });
    await (async () => {
      for await (const _chunk of stream);
    })().catch(() => undefined);
    const [span] = await waitForSpans(ctx.telemetry, 1);
    const [record] = exporter.getFinishedLogRecords();
    expect(record?.eventName).toBe("gen_ai.client.operation.exception");
    expect(record?.attributes["exception.type"]).toBe(
      span?.events.find((event) => event.name === "exception")?.attributes?.["exception.type"],
    );
    expect(record?.spanContext?.spanId).toBe(span?.spanContext().spanId);
  });

  it("asks the API's no-op proxy for no logger while no logger provider is registered", async () => {
    const exporter = new InMemoryLogRecordExporter();
    // A provider that exists but is not registered must see nothing.
    new LoggerProvider({ processors: [new SimpleLogRecordProcessor({ exporter })] });
    const getLogger = vi.spyOn(logs.getLoggerProvider(), "getLogger");
    ctx.server.enqueue({ status: 500 });
    await ctx
      .observed()
      .chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: "hi" }] })
      .catch(() => undefined);
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.events.some((event) => event.name === "exception")).toBe(true);
    expect(exporter.getFinishedLogRecords()).toHaveLength(0);
    expect(getLogger).not.toHaveBeenCalled();
  });
});
