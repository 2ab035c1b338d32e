import { SpanStatusCode } from "@opentelemetry/api";
import { expect } from "vitest";
import type { MockScript } from "../types.js";
import { waitForSpans } from "../use-mock-llm-context.js";
import { catchError, drainStream } from "./drain-stream.js";
import { registerCase } from "./register-case.js";
import type { ConformanceContext } from "./use-conformance-context.js";

/** The prototype of a thrown value, `undefined` when nothing was thrown. */
function prototypeOf(value: unknown): unknown {
  return value === undefined || value === null ? undefined : Object.getPrototypeOf(value);
}

/**
 * The HTTP status an SDK's error carries, wherever that SDK keeps it: `status` (Stainless clients),
 * `statusCode` (Mistral, Cohere), `status_code` (Ollama) or `$metadata.httpStatusCode` (AWS).
 */
function readErrorStatus(error: unknown): unknown {
  const fields = (typeof error === "object" && error !== null ? error : {}) as {
    status?: unknown;
    statusCode?: unknown;
    status_code?: unknown;
    $metadata?: { httpStatusCode?: unknown };
  };
  return fields.status ?? fields.statusCode ?? fields.status_code ?? fields.$metadata?.httpStatusCode;
}

/** Registers the cases that check provider errors pass through as the SDK's own objects and mark the span. */
export function registerErrorCases(ctx: ConformanceContext): void {
  const { adapter } = ctx;
  const chunkText = adapter.chunkText;

  /** Reads a stream made under `script` to its end, through `client`, returning what the iteration threw. */
  const streamError = async (client: object, script: MockScript) => {
    ctx.server.enqueue(script);
    const stream = await adapter.stream(client, { model: ctx.uniqueModel("stream-error"), prompt: "hi" });
    return drainStream(stream, { chunkText });
  };

  for (const status of [429, 500]) {
    registerCase(
      ctx,
      `re-throws an HTTP ${status} as the SDK's own error object and marks the span`,
      async () => {
        ctx.server.enqueue({ status }, { status });
        const model = ctx.uniqueModel(`status-${status}`);
        const rawError = await catchError(adapter.call(ctx.raw(), { model, prompt: "hi" }));
        const error = await catchError(adapter.call(ctx.observed(), { model, prompt: "hi" }));
        expect(error).toBeInstanceOf(Error);
        // Same class as the unwrapped client throws: nothing was re-wrapped.
        expect(Object.getPrototypeOf(error)).toBe(Object.getPrototypeOf(rawError));
        expect(readErrorStatus(error)).toBe(status);
        const [span] = await waitForSpans(ctx.telemetry, 1);
        expect(span?.status.code).toBe(SpanStatusCode.ERROR);
        expect(span?.attributes["error.type"]).toBe((error as Error).constructor.name);
        expect(span?.attributes["http.response.status_code"]).toBe(status);
        // `exception.type` is the class name, as `error.type` is: not the error's `code` (`rate_limit_exceeded`),
        // which OTel's `span.recordException` would prefer.
        const exception = span?.events.find((event) => event.name === "exception");
        expect(exception?.attributes?.["exception.type"]).toBe((error as Error).constructor.name);
        expect(exception?.attributes?.["exception.message"]).toBeTypeOf("string");
        expect(exception?.attributes?.["exception.stacktrace"]).toBeTypeOf("string");
      },
    );
  }

  registerCase(
    ctx,
    "a streamed call refused before its first chunk rejects with the SDK's own error",
    async () => {
      ctx.server.enqueue({ status: 429 }, { status: 429 });
      const model = ctx.uniqueModel("stream-refused");
      const rawError = await catchError(adapter.stream(ctx.raw(), { model, prompt: "hi" }));
      const error = await catchError(adapter.stream(ctx.observed(), { model, prompt: "hi" }));
      expect(error).toBeInstanceOf(Error);
      expect(Object.getPrototypeOf(error)).toBe(Object.getPrototypeOf(rawError));
      const [span] = await waitForSpans(ctx.telemetry, 1);
      expect(span?.status.code).toBe(SpanStatusCode.ERROR);
      expect(span?.attributes["http.response.status_code"]).toBe(429);
    },
  );

  registerCase(
    ctx,
    "a stream cut mid-way re-throws the SDK's error and ends the span as an error",
    async () => {
      const script = { chunks: 10, cutAfterChunks: 3 };
      const raw = await streamError(ctx.raw(), script);
      const observed = await streamError(ctx.observed(), script);
      expect(observed.error).toBeInstanceOf(Error);
      expect(Object.getPrototypeOf(observed.error)).toBe(Object.getPrototypeOf(raw.error));
      expect(observed.chunks).toHaveLength(raw.chunks.length);
      const [span] = await waitForSpans(ctx.telemetry, 1);
      expect(span?.status.code).toBe(SpanStatusCode.ERROR);
      expect(span?.attributes["sightline.stream.outcome"]).toBe("error");
      expect(span?.attributes["sightline.stream.chunks"]).toBe(observed.chunks.length);
      expect(span?.attributes["error.type"]).toBeTypeOf("string");
      // The provider reported no finish reason before the cut; none is invented (no `["error"]`).
      expect(span?.attributes["gen_ai.response.finish_reasons"]).toBeUndefined();
    },
  );

  registerCase(
    ctx,
    "a malformed chunk re-throws the SDK's parse error and still yields one span",
    async () => {
      const script = { chunks: 5, malformedChunkAt: 2 };
      const raw = await streamError(ctx.raw(), script);
      const observed = await streamError(ctx.observed(), script);
      expect(observed.error).toBeDefined();
      expect(Object.getPrototypeOf(observed.error)).toBe(Object.getPrototypeOf(raw.error));
      const [span] = await waitForSpans(ctx.telemetry, 1);
      expect(span?.status.code).toBe(SpanStatusCode.ERROR);
      expect(span?.attributes["sightline.stream.chunks"]).toBe(2);
      expect(span?.attributes["gen_ai.response.id"]).toBeTypeOf("string");
    },
  );

  registerCase(
    ctx,
    "a mid-stream error event reaches the caller as the unwrapped SDK delivers it, and marks the span",
    async () => {
      const script = { chunks: 5, errorChunkAt: 3 };
      const raw = await streamError(ctx.raw(), script);
      const observed = await streamError(ctx.observed(), script);
      // Most SDKs throw their own error; some (openai 6 on Responses) yield the error event and end.
      expect(raw.error !== undefined || raw.chunks.length === 4).toBe(true);
      expect(prototypeOf(observed.error)).toBe(prototypeOf(raw.error));
      expect(observed.chunks).toHaveLength(raw.chunks.length);
      const [span] = await waitForSpans(ctx.telemetry, 1);
      expect(span?.status.code).toBe(SpanStatusCode.ERROR);
      expect(span?.attributes["sightline.stream.outcome"]).toBe("error");
      expect(span?.attributes["error.type"]).toBeTypeOf("string");
      // An error event is not a finish reason: the failure is the status and `error.type` above.
      expect(span?.attributes["gen_ai.response.finish_reasons"]).toBeUndefined();
    },
  );
}
