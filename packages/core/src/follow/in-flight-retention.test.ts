import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { createTestTelemetry } from "@sightline/testing";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import type { Operation } from "../operation/operation.js";
import { ChunkFlags, type StreamAccumulator } from "../operation/operation-shapes.js";
import { followStream } from "./follow-stream.js";
import { observeApiPromise } from "./observe-api-promise.js";
import { observePromise } from "./observe-promise.js";
import { startTestOperation } from "./start-test-operation.js";

// What a call in flight keeps. V8 may allocate an object literal straight into the old generation
// (allocation-site pretenuring); an options literal held for the whole call would then keep the operation, its
// span and request alive through every young-generation collection until the next full one. So the follow
// helpers keep what they use and let their options object go as soon as they return.

const telemetry = createTestTelemetry();
afterEach(() => telemetry.resetSpans());
afterAll(() => telemetry.shutdown());

/** A full garbage collection on demand, without starting the test runner with `--expose-gc`. */
function getCollectGarbage(): () => void {
  setFlagsFromString("--expose-gc");
  return runInNewContext("gc") as () => void;
}

/** A WeakRef keeps its target until the job that made it is over: collect after a turn of the event loop. */
async function collectAfterThisJob(): Promise<void> {
  const collectGarbage = getCollectGarbage();
  await new Promise((resolve) => setImmediate(resolve));
  collectGarbage();
}

const startOperation = (): Operation => startTestOperation(telemetry);

function countingAccumulator(): StreamAccumulator<string> {
  let count = 0;
  return {
    add: () => {
      count++;
      return ChunkFlags.Output;
    },
    finish: () => ({ model: "m-1", usage: { outputTokens: count } }),
  };
}

describe("what a call in flight keeps", () => {
  it("observeApiPromise: not its options object, only what its parse hook uses", async () => {
    const operation = startOperation();
    let respond: (props: { response: { status: number } }) => void = () => {};
    const responsePromise = new Promise<{ response: { status: number } }>((resolve) => {
      respond = resolve;
    });
    const apiPromise = { responsePromise, parseResponse: async () => ({ id: "r-1" }) };
    const onValue = (): void => operation.succeed({});
    let options: Parameters<typeof observeApiPromise>[1] | undefined = {
      operation,
      onValue,
      abandonedAfterMs: 60_000,
    };
    const optionsRef = new WeakRef(options);
    const onValueRef = new WeakRef(onValue);
    observeApiPromise(apiPromise, options);
    options = undefined;
    await collectAfterThisJob();
    expect(optionsRef.deref()).toBeUndefined();
    // The control: what the hooked parse step still needs survived the same collection.
    expect(onValueRef.deref()).toBeDefined();
    respond({ response: { status: 200 } });
    await apiPromise.parseResponse();
    await Promise.resolve();
    expect(operation.isEnded).toBe(true);
  });

  it("followStream: not its options object while the stream is read", async () => {
    const operation = startOperation();
    async function* generate() {
      yield "a";
      yield "b";
    }
    const accumulator = countingAccumulator();
    let options: Parameters<typeof followStream<string>>[0] | undefined = {
      operation,
      iterate: () => generate(),
      accumulator,
      abandonedAfterMs: 60_000,
    };
    const optionsRef = new WeakRef(options);
    const accumulatorRef = new WeakRef(accumulator);
    const iterator = followStream(options)();
    options = undefined;
    expect((await iterator.next()).value).toBe("a");
    await collectAfterThisJob();
    expect(optionsRef.deref()).toBeUndefined();
    expect(accumulatorRef.deref()).toBeDefined();
    expect((await iterator.next()).value).toBe("b");
    expect((await iterator.next()).done).toBe(true);
    expect(telemetry.spans()[0]?.attributes["gen_ai.usage.output_tokens"]).toBe(2);
  });

  it("observePromise: not its options object while the promise is pending", async () => {
    const operation = startOperation();
    let resolveValue: (value: unknown) => void = () => {};
    const pending = new Promise((resolve) => {
      resolveValue = resolve;
    });
    const onValue = (): void => operation.succeed({});
    let options: Parameters<typeof observePromise>[1] | undefined = { operation, onValue };
    const optionsRef = new WeakRef(options);
    const onValueRef = new WeakRef(onValue);
    observePromise(pending, options);
    options = undefined;
    await collectAfterThisJob();
    expect(optionsRef.deref()).toBeUndefined();
    expect(onValueRef.deref()).toBeDefined();
    resolveValue({ id: "r-2" });
    await pending;
    await Promise.resolve();
    expect(operation.isEnded).toBe(true);
  });
});
