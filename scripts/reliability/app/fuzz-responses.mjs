// Fuzzed provider responses through every mapper: fast-check mutates a valid response body or stream
// (fields replaced by arbitrary JSON, or removed) or sends arbitrary JSON outright; the raw and the
// wrapped client get the same bytes and must come to the same outcome, and every wrapped call must
// still yield one span. Any difference is a Sightline throw (or change) reaching user code.
import { createTestTelemetry } from "@sightline/testing";
import fc from "fast-check";
import { countUnhandled, emitResult, startRawServer } from "./common.mjs";
import { PROVIDERS, sameOutcome, settleCall } from "./providers.mjs";

const unhandled = countUnhandled();
const runs = Number(process.env.FUZZ_RUNS ?? 100);
const seed = Number(process.env.FUZZ_SEED ?? 20261203);
const server = await startRawServer();
const telemetry = createTestTelemetry();

/** Every path (as key lists) inside a JSON value, the root excluded. */
function listPaths(value, prefix = []) {
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) => [
    [...prefix, key],
    ...listPaths(child, [...prefix, key]),
  ]);
}

/** A copy of `value` with each mutation applied: the field at the path replaced, or removed when the value is undefined. */
function mutate(value, paths, mutations) {
  const copy = structuredClone(value);
  for (const { pathIndex, replacement } of mutations) {
    const path = paths[pathIndex % paths.length];
    let parent = copy;
    for (const key of path.slice(0, -1))
      parent = typeof parent === "object" && parent !== null ? parent[key] : undefined;
    if (typeof parent !== "object" || parent === null) continue;
    const last = path.at(-1);
    if (replacement === undefined) delete parent[last];
    else parent[last] = replacement;
  }
  return copy;
}

const jsonValue = fc.jsonValue({ maxDepth: 2 });
const mutations = fc.array(
  fc.record({
    pathIndex: fc.nat(),
    replacement: fc.oneof(jsonValue, fc.constant(undefined), fc.constant(null)),
  }),
  { minLength: 1, maxLength: 4 },
);

const results = [];
for (const provider of PROVIDERS) {
  for (const stream of [false, true]) {
    const paths = stream
      ? provider.validStream.flatMap((chunk, index) => listPaths(chunk).map((path) => [index, ...path]))
      : listPaths(provider.validBody);
    const template = stream ? provider.validStream : provider.validBody;
    const body = fc.oneof(
      { weight: 4, arbitrary: mutations.map((list) => mutate(template, paths, list)) },
      { weight: 1, arbitrary: stream ? fc.array(jsonValue, { minLength: 1, maxLength: 4 }) : jsonValue },
    );
    const failures = [];
    let calls = 0;
    let spans = 0;
    await fc.assert(
      fc.asyncProperty(body, async (generated) => {
        const reply = stream
          ? { status: 200, frames: provider.toFrames(Array.isArray(generated) ? generated : [generated]) }
          : { status: 200, body: JSON.stringify(generated) };
        server.enqueue(reply, reply);
        const raw = await settleCall(
          provider.call(provider.createClient({ baseURL: server.url }), { stream }),
        );
        const before = telemetry.spans().length;
        const wrappedClient = provider.wrap(provider.createClient({ baseURL: server.url }), {
          tracerProvider: telemetry.tracerProvider,
          meterProvider: telemetry.meterProvider,
          captureContent: true,
        });
        const wrapped = await settleCall(provider.call(wrappedClient, { stream }));
        await new Promise((resolve) => setImmediate(resolve));
        calls += 1;
        spans += telemetry.spans().length - before;
        if (!sameOutcome(raw, wrapped, { exact: true }) && failures.length < 3) {
          failures.push({ body: JSON.stringify(generated).slice(0, 300), raw, wrapped });
        }
        telemetry.resetSpans();
        return true;
      }),
      { numRuns: runs, seed },
    );
    results.push({ provider: provider.name, stream, calls, spans, differences: failures.length, failures });
  }
}
await server.close();
await telemetry.shutdown();
emitResult({
  results,
  unhandledRejections: unhandled.unhandledRejections,
  uncaughtExceptions: unhandled.uncaughtExceptions,
  unhandledSamples: unhandled.samples,
});
