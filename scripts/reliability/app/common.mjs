// Helpers shared by the reliability scenarios. These files run inside a plain app that installed
// Sightline from its packed tarballs (see ../run.mjs), so they import packages by name, as a user would.
import { createServer } from "node:http";

/** Prints the scenario's result for the orchestrator, as one tagged JSON line. */
export function emitResult(result) {
  process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
}

/** Counts unhandled rejections and uncaught exceptions instead of letting Node end the process. */
export function countUnhandled() {
  const counts = { unhandledRejections: 0, uncaughtExceptions: 0, samples: [] };
  process.on("unhandledRejection", (reason) => {
    counts.unhandledRejections += 1;
    if (counts.samples.length < 3) counts.samples.push(String(reason?.stack ?? reason).slice(0, 300));
  });
  process.on("uncaughtException", (error) => {
    counts.uncaughtExceptions += 1;
    if (counts.samples.length < 3) counts.samples.push(String(error?.stack ?? error).slice(0, 300));
  });
  return counts;
}

/** Heap and RSS in bytes after repeated full collections (needs `node --expose-gc`). */
export async function measureMemoryAfterGc() {
  for (let round = 0; round < 4; round++) {
    globalThis.gc?.();
    await new Promise((resolve) => setImmediate(resolve));
  }
  const usage = process.memoryUsage();
  return { heapUsed: usage.heapUsed, rss: usage.rss };
}

/** The value at quantile `q` (0–1) of `values`. */
export function quantile(values, q) {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/**
 * Runs `count` calls of `call(index)` with at most `concurrency` in flight; returns each call's
 * duration in milliseconds. A call's own failure is part of the workload, not the scenario's.
 */
export async function runCalls({ count, concurrency, call }) {
  const durations = new Array(count);
  let next = 0;
  async function worker() {
    while (next < count) {
      const index = next++;
      const started = performance.now();
      try {
        await call(index);
      } catch {
        // Expected for aborted calls; errors are compared in the provider-fault scenario.
      }
      durations[index] = performance.now() - started;
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return durations;
}

/**
 * One wrapped-or-raw OpenAI chat call of a given kind: a plain call, a stream read to the end, a
 * stream aborted through its controller after the first chunk, or a stream the caller breaks out of.
 */
export async function openaiCall(client, kind) {
  const body = { model: "gpt-4o-mini", messages: [{ role: "user", content: "Say hello." }] };
  if (kind === "plain") return client.chat.completions.create(body);
  const stream = await client.chat.completions.create({ ...body, stream: true });
  let chunks = 0;
  for await (const _chunk of stream) {
    chunks += 1;
    if (kind === "aborted" && chunks === 1) stream.controller.abort();
    if (kind === "broken" && chunks === 2) break;
  }
  return chunks;
}

/** The kinds of call the traffic scenarios cycle through. */
export const CALL_KINDS = ["plain", "streamed", "aborted", "broken"];

/**
 * A loopback HTTP server that answers each request with the next queued reply (status, headers and
 * a raw body string, or SSE frames): for malformed bodies and fuzzed responses the mock LLM server
 * does not make. Replies are taken first in, first out; an empty queue answers 500.
 */
export async function startRawServer() {
  const queue = [];
  const server = createServer((request, response) => {
    request.resume();
    request.on("end", () => {
      const reply = queue.shift() ?? { status: 500, body: '{"error":{"message":"nothing queued"}}' };
      const headers = {
        "content-type": reply.frames ? "text/event-stream" : "application/json",
        ...reply.headers,
      };
      response.writeHead(reply.status ?? 200, headers);
      if (reply.frames) {
        for (const frame of reply.frames) response.write(frame);
        response.end();
        return;
      }
      response.end(reply.body ?? "");
    });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${server.address().port}`;
  return {
    url,
    enqueue: (...replies) => queue.push(...replies),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

/** A port nothing listens on (bound, then released). */
export async function findClosedPort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}
