import { SpanStatusCode } from "@opentelemetry/api";
import { expect } from "vitest";
import { recordDriftCategory } from "../record-drift-category.js";
import { settle, waitForSpans } from "../use-mock-llm-context.js";
import { drainStream } from "./drain-stream.js";
import { registerCase } from "./register-case.js";
import type { ConformanceContext } from "./use-conformance-context.js";

/** Registers the cases that follow a stream: same chunks, helpers, and one span however the stream ends. */
export function registerStreamCases(ctx: ConformanceContext): void {
  const { adapter } = ctx;
  const chunkText = adapter.chunkText;

  registerCase(
    ctx,
    "a stream yields the same chunks as the unwrapped client's, and its span records them",
    async () => {
      const script = {
        text: "Once upon a time there was a mock.",
        chunks: 6,
        usage: { inputTokens: 12, outputTokens: 9 },
      };
      ctx.server.enqueue(script, script);
      const model = ctx.uniqueModel("stream");
      const raw = await drainStream(await adapter.stream(ctx.raw(), { model, prompt: "Tell me a story" }), {
        chunkText,
      });
      const observed = await drainStream(
        await adapter.stream(ctx.observed(), { model, prompt: "Tell me a story" }),
        {
          chunkText,
        },
      );
      expect(observed.error).toBeUndefined();
      expect(observed.text).toBe("Once upon a time there was a mock.");
      expect(observed.chunks.map(chunkText)).toEqual(raw.chunks.map(chunkText));
      expect(observed.chunks.map((chunk) => Object.getPrototypeOf(chunk))).toEqual(
        raw.chunks.map((chunk) => Object.getPrototypeOf(chunk)),
      );
      expect(observed.chunks).toHaveLength(6 + adapter.extraChunks);
      const [span] = await waitForSpans(ctx.telemetry, 1);
      expect(span?.name).toBe(`${adapter.operationName} ${model}`);
      expect(span?.attributes).toMatchObject({
        "gen_ai.request.stream": true,
        "gen_ai.usage.input_tokens": 12,
        "gen_ai.usage.output_tokens": 9,
        "sightline.stream.outcome": "completed",
        "sightline.stream.chunks": observed.chunks.length,
      });
      expect(span?.attributes["gen_ai.response.finish_reasons"]).toEqual([adapter.stopFinishReason]);
      expect(span?.attributes["gen_ai.response.time_to_first_chunk"]).toBeGreaterThan(0);
    },
  );

  registerCase(
    ctx,
    "iterating a consumed stream again behaves as the unwrapped stream does, with one span",
    async () => {
      const model = ctx.uniqueModel("reiterate");
      const rawStream = await adapter.stream(ctx.raw(), { model, prompt: "hi" });
      await drainStream(rawStream, { chunkText });
      const rawAgain = await drainStream(rawStream, { chunkText });
      const stream = await adapter.stream(ctx.observed(), { model, prompt: "hi" });
      const first = await drainStream(stream, { chunkText });
      const again = await drainStream(stream, { chunkText });
      expect(first.text).toBe("Hello from the Sightline mock.");
      expect(again.chunks).toHaveLength(rawAgain.chunks.length);
      expect(String(again.error ?? "no error")).toBe(String(rawAgain.error ?? "no error"));
      const spans = await waitForSpans(ctx.telemetry, 1);
      await settle();
      expect(ctx.telemetry.spans()).toHaveLength(1);
      expect(spans[0]?.attributes["sightline.stream.outcome"]).toBe("completed");
      expect(spans[0]?.attributes["sightline.stream.chunks"]).toBe(first.chunks.length);
    },
  );

  if (adapter.tee) {
    const tee = adapter.tee;
    registerCase(ctx, "tee() gives two full copies and the span counts each chunk once", async () => {
      ctx.server.enqueue({ text: "one two three", chunks: 3 });
      const stream = await adapter.stream(ctx.observed(), { model: ctx.uniqueModel("tee"), prompt: "hi" });
      const [left, right] = tee(stream);
      const [leftRead, rightRead] = await Promise.all([
        drainStream(left, { chunkText }),
        drainStream(right, { chunkText }),
      ]);
      expect([leftRead.text, rightRead.text]).toEqual(["one two three", "one two three"]);
      const [span] = await waitForSpans(ctx.telemetry, 1);
      expect(ctx.server.requests).toHaveLength(1);
      expect(span?.attributes["sightline.stream.outcome"]).toBe("completed");
      expect(span?.attributes["sightline.stream.chunks"]).toBe(leftRead.chunks.length);
    });
  }

  if (adapter.toReadableStream) {
    const toReadableStream = adapter.toReadableStream;
    registerCase(ctx, "toReadableStream() still gives the bytes, and the span completes", async () => {
      ctx.server.enqueue({ text: "readable", chunks: 2 });
      const stream = await adapter.stream(ctx.observed(), {
        model: ctx.uniqueModel("readable"),
        prompt: "hi",
      });
      const reader = toReadableStream(stream).getReader();
      let bytes = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        bytes += value.length;
      }
      expect(bytes).toBeGreaterThan(0);
      const [span] = await waitForSpans(ctx.telemetry, 1);
      expect(span?.attributes["sightline.stream.outcome"]).toBe("completed");
    });
  }

  registerCase(
    ctx,
    "breaking out of a for await ends the span once, as cancelled and not an error",
    async () => {
      ctx.server.enqueue({ chunks: 10, chunkDelayMs: 5 });
      const stream = await adapter.stream(ctx.observed(), { model: ctx.uniqueModel("break"), prompt: "hi" });
      const drained = await drainStream(stream, { chunkText, breakAfter: 2 });
      expect(drained.chunks).toHaveLength(2);
      const spans = await waitForSpans(ctx.telemetry, 1);
      await settle(50);
      expect(ctx.telemetry.spans()).toHaveLength(1);
      expect(spans[0]?.attributes["sightline.stream.outcome"]).toBe("cancelled");
      expect(spans[0]?.attributes["sightline.stream.chunks"]).toBe(2);
      expect(spans[0]?.status.code).toBe(SpanStatusCode.UNSET);
    },
  );

  registerCase(
    ctx,
    "a stream left part-way reports no finish reason the provider never sent, on the span or to drift",
    async () => {
      const driftMonitor = adapter.core.createDriftMonitor({
        referenceSize: 40,
        windowSize: 20,
        minimumWindowCount: 10,
      }) as { observe: (observation: never) => unknown };
      const { monitor, values } = recordDriftCategory(driftMonitor, "finish_reason");
      ctx.server.enqueue({ chunks: 10, chunkDelayMs: 5 });
      const stream = await adapter.stream(ctx.observed({ drift: { monitor } }), {
        model: ctx.uniqueModel("part-way"),
        prompt: "hi",
      });
      await drainStream(stream, { chunkText, breakAfter: 2 });
      const [span] = await waitForSpans(ctx.telemetry, 1);
      await settle();
      expect(span?.attributes["sightline.stream.outcome"]).toBe("cancelled");
      expect(span?.attributes["gen_ai.response.finish_reasons"]).toBeUndefined();
      // The drift finish-reason signal saw the call, with no reason to count.
      expect(values).toEqual([undefined]);
    },
  );

  registerCase(
    ctx,
    "aborting the request's signal mid-stream ends the span as aborted, and the caller sees what the SDK does",
    async () => {
      const read = async (client: object) => {
        ctx.server.enqueue({ chunks: 20, chunkDelayMs: 10 });
        const controller = new AbortController();
        const stream = await adapter.stream(client, {
          model: ctx.uniqueModel("abort"),
          prompt: "hi",
          signal: controller.signal,
        });
        return drainStream(stream, { chunkText, onChunk: (seen) => seen === 3 && controller.abort() });
      };
      const raw = await read(ctx.raw());
      const observed = await read(ctx.observed());
      expect(observed.chunks.length).toBeLessThan(20);
      expect((observed.error as Error | undefined)?.name).toBe((raw.error as Error | undefined)?.name);
      const spans = await waitForSpans(ctx.telemetry, 1);
      await settle();
      expect(ctx.telemetry.spans()).toHaveLength(1);
      expect(spans[0]?.attributes["sightline.stream.outcome"]).toBe("aborted");
      expect(spans[0]?.attributes["sightline.stream.chunks"]).toBe(observed.chunks.length);
    },
  );

  if (adapter.abortStream) {
    const abortStream = adapter.abortStream;
    registerCase(ctx, "aborting through the stream's own controller ends the span as aborted", async () => {
      ctx.server.enqueue({ chunks: 20, chunkDelayMs: 10 });
      const stream = await adapter.stream(ctx.observed(), {
        model: ctx.uniqueModel("controller"),
        prompt: "hi",
      });
      const drained = await drainStream(stream, {
        chunkText,
        onChunk: (seen) => seen === 3 && abortStream(stream),
      });
      expect(drained.chunks.length).toBeLessThan(20);
      const [span] = await waitForSpans(ctx.telemetry, 1);
      expect(span?.attributes["sightline.stream.outcome"]).toBe("aborted");
    });
  }

  registerCase(ctx, "a stream that is never read ends its span as abandoned", async () => {
    await adapter.stream(ctx.observed({ abandonedAfterMs: 50 }), {
      model: ctx.uniqueModel("unread"),
      prompt: "hi",
    });
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.attributes["sightline.stream.outcome"]).toBe("abandoned");
    expect(span?.attributes["sightline.stream.chunks"]).toBe(0);
  });
}
