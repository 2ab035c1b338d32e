import { createTestTelemetry } from "@sightline/testing";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import type { Operation } from "../operation/operation.js";
import { observeApiPromise } from "./observe-api-promise.js";
import { startTestOperation } from "./start-test-operation.js";

const telemetry = createTestTelemetry();
afterEach(() => telemetry.resetSpans());
afterAll(() => telemetry.shutdown());

const startOperation = (): Operation => startTestOperation(telemetry);

/** The shape of a Stainless `APIPromise`: a raw response promise the test settles, and a lazy parse step. */
function createLazyApiPromise(body: unknown) {
  let respond: (props: { response: { status: number } }) => void = () => {};
  const responsePromise = new Promise<{ response: { status: number } }>((resolve) => {
    respond = resolve;
  });
  const apiPromise = { responsePromise, parseResponse: async () => body };
  return { apiPromise, respond: () => respond({ response: { status: 200 } }) };
}

describe("observeApiPromise", () => {
  it("ends the operation with the parsed body when the caller parses it", async () => {
    const operation = startOperation();
    const { apiPromise, respond } = createLazyApiPromise({ id: "r-1" });
    const seen: unknown[] = [];
    const observed = observeApiPromise(apiPromise, {
      operation,
      onValue: (value) => {
        seen.push(value);
        operation.succeed({ id: "r-1" });
      },
      abandonedAfterMs: 60_000,
    });
    expect(observed).toBe(true);
    respond();
    expect(await apiPromise.parseResponse()).toEqual({ id: "r-1" });
    await Promise.resolve();
    expect(seen).toEqual([{ id: "r-1" }]);
    expect(operation.isEnded).toBe(true);
    expect(telemetry.spans()[0]?.attributes["http.response.status_code"]).toBe(200);
  });
});
