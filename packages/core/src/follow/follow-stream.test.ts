import { SpanStatusCode } from "@opentelemetry/api";
import { createTestTelemetry } from "@sightline/testing";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { MAX_BUFFERED_CHUNK_GAPS, type Operation } from "../operation/operation.js";
import { ChunkFlags, type StreamAccumulator } from "../operation/operation-shapes.js";
import { followStream } from "./follow-stream.js";
import { startTestOperation } from "./start-test-operation.js";

const telemetry = createTestTelemetry();
let lastOperation: Operation | undefined;
afterEach(() => telemetry.resetSpans());
afterAll(() => telemetry.shutdown());

/** A source stream the way SDKs make them: an async generator, with a cleanup flag. */
function createSource(chunks: string[], options: { failAfter?: number } = {}) {
  const state = { cleanedUp: false };
  async function* generate() {
    try {
      for (const [index, chunk] of chunks.entries()) {
        if (options.failAfter === index) throw new TypeError("connection reset");
        yield chunk;
      }
    } finally {
      state.cleanedUp = true;
    }
  }
  return { state, iterate: () => generate() };
}

function textAccumulator(): StreamAccumulator<string> & { text: string } {
  const accumulator = {
    text: "",
    add(chunk: string) {
      if (chunk === "usage") return ChunkFlags.Hide;
      accumulator.text += chunk;
      return ChunkFlags.Output;
    },
    finish: () => ({ model: "m-1", usage: { outputTokens: accumulator.text.length } }),
  };
  return accumulator;
}

function startStream(
  chunks: string[],
  options: { failAfter?: number; abandonedAfterMs?: number; signal?: AbortSignal } = {},
) {
  const source = createSource(chunks, options);
  const operation = startTestOperation(telemetry, { operation: "chat", model: "m", stream: true });
  lastOperation = operation;
  const iterate = followStream({
    operation,
    iterate: source.iterate,
    accumulator: textAccumulator(),
    signal: options.signal,
    abandonedAfterMs: options.abandonedAfterMs ?? 60_000,
  });
  return { iterate, source };
}

const drain = async (iterator: AsyncIterator<string>) => {
  const seen: string[] = [];
  for (let step = await iterator.next(); !step.done; step = await iterator.next()) seen.push(step.value);
  return seen;
};

describe("followStream", () => {
  it("passes chunks through in order, hides flagged ones, and ends once at the end", async () => {
    const { iterate } = startStream(["a", "b", "usage", "c"]);
    const iterator = iterate();
    expect(await drain(iterator)).toEqual(["a", "b", "c"]);
    await iterator.next();
    await iterator.return?.();
    const spans = telemetry.spans();
    expect(spans).toHaveLength(1);
    expect(spans[0]?.attributes).toMatchObject({
      "sightline.stream.outcome": "completed",
      "sightline.stream.chunks": 4,
      "gen_ai.usage.output_tokens": 3,
      "gen_ai.response.model": "m-1",
    });
  });

  it("ends as cancelled and runs the source's cleanup when the consumer returns early", async () => {
    const { iterate, source } = startStream(["a", "b", "c", "d"]);
    const iterator = iterate();
    await iterator.next();
    await iterator.next();
    await iterator.return?.();
    expect(source.state.cleanedUp).toBe(true);
    expect(telemetry.spans()[0]?.attributes["sightline.stream.outcome"]).toBe("cancelled");
    expect(telemetry.spans()[0]?.status.code).toBe(SpanStatusCode.UNSET);
  });

  it("re-throws the source's error unchanged and marks the span", async () => {
    const { iterate } = startStream(["a", "b", "c"], { failAfter: 2 });
    const error = await drain(iterate()).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toBe("connection reset");
    const [span] = telemetry.spans();
    expect(span?.status.code).toBe(SpanStatusCode.ERROR);
    expect(span?.attributes["error.type"]).toBe("TypeError");
    expect(span?.attributes["sightline.stream.chunks"]).toBe(2);
  });

  it("ends a stream nobody reads as abandoned, at its last activity", async () => {
    startStream(["a"], { abandonedAfterMs: 20 });
    await new Promise((resolve) => setTimeout(resolve, 60));
    const [span] = telemetry.spans();
    expect(span?.attributes["sightline.stream.outcome"]).toBe("abandoned");
    const durationMs = (span?.duration[0] ?? 0) * 1000 + (span?.duration[1] ?? 0) / 1e6;
    expect(durationMs).toBeLessThan(20);
  });

  it("ends at once when the request's signal aborts while nobody is reading", async () => {
    const controller = new AbortController();
    startStream(["a", "b"], { signal: controller.signal });
    controller.abort();
    expect(telemetry.spans()[0]?.attributes["sightline.stream.outcome"]).toBe("aborted");
  });

  it("keeps a long stream's chunk timings in bounded memory and still records one sample per gap", async () => {
    const chunks = Array.from({ length: 3000 }, (_, index) => `c${index}`);
    const gapSamples = async () =>
      (await telemetry.metricPoints("gen_ai.client.operation.time_per_output_chunk")).reduce(
        (sum, point) => sum + (point.count ?? 0),
        0,
      );
    const before = await gapSamples();
    const { iterate } = startStream(chunks);
    const iterator = iterate();
    let longest = 0;
    for (let step = await iterator.next(); !step.done; step = await iterator.next()) {
      longest = Math.max(longest, lastOperation?.outputChunkGaps.length ?? 0);
    }
    expect(longest).toBeLessThanOrEqual(MAX_BUFFERED_CHUNK_GAPS);
    expect((await gapSamples()) - before).toBe(2999);
  });

  it("survives an accumulator that throws: chunks still flow and the span still ends", async () => {
    const operation = startTestOperation(telemetry, { operation: "chat" });
    const iterate = followStream({
      operation,
      iterate: createSource(["a", "b"]).iterate,
      accumulator: {
        add: () => {
          throw new Error("bug in a mapper");
        },
        finish: () => {
          throw new Error("bug in a mapper");
        },
      },
      abandonedAfterMs: 60_000,
    });
    expect(await drain(iterate())).toEqual(["a", "b"]);
    expect(telemetry.spans()).toHaveLength(1);
  });

  it("holds nothing once a stream has ended: its abandonment timer and abort listener are released", async () => {
    // A pending timer keeps the operation and its chunks reachable: before this was fixed every
    // finished stream stayed in memory for the whole abandonment window (60 s by default).
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    try {
      const listeners = new Set<unknown>();
      const signal = {
        aborted: false,
        addEventListener: (_type: string, listener: unknown) => listeners.add(listener),
        removeEventListener: (_type: string, listener: unknown) => listeners.delete(listener),
      } as unknown as AbortSignal;
      const { iterate } = startStream(["a", "b"], { signal });
      expect(vi.getTimerCount()).toBe(1);
      expect(listeners.size).toBe(1);
      // The in-memory test exporter hands spans over on a zero-delay timer; let those run first.
      const settle = () => vi.advanceTimersByTime(1);
      expect(await drain(iterate())).toEqual(["a", "b"]);
      settle();
      expect(telemetry.spans()).toHaveLength(1);
      expect(vi.getTimerCount()).toBe(0);
      expect(listeners.size).toBe(0);

      const cancelled = startStream(["a", "b", "c"]);
      const iterator = cancelled.iterate();
      await iterator.next();
      await iterator.return?.();
      settle();
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });
});
