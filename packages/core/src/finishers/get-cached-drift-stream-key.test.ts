import type { Attributes } from "@opentelemetry/api";
import { describe, expect, it } from "vitest";
import { ATTR_SIGHTLINE_FEATURE } from "../semconv.js";
import { getCachedDriftStreamKey } from "./get-cached-drift-stream-key.js";

const call = (options: { attributes: Attributes; model?: string; responseModel?: string }) => ({
  request: { operation: "chat", model: options.model },
  target: { provider: "openai" },
  response: options.responseModel === undefined ? undefined : { model: options.responseModel },
  metricAttributes: options.attributes,
});

describe("getCachedDriftStreamKey", () => {
  it("reuses one frozen key per frozen metric attributes object", () => {
    const attributes = Object.freeze({ [ATTR_SIGHTLINE_FEATURE]: "search" });
    const first = getCachedDriftStreamKey(
      call({ attributes, model: "gpt-4o", responseModel: "gpt-4o-2024-08-06" }),
    );
    const second = getCachedDriftStreamKey(
      call({ attributes, model: "gpt-4o", responseModel: "gpt-4o-2024-08-06" }),
    );
    expect(first).toEqual({ provider: "openai", model: "gpt-4o", operation: "chat", feature: "search" });
    expect(second).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
  });

  it("builds a new key when the fields it comes from differ for the same attributes object", () => {
    const attributes = Object.freeze({});
    const requested = getCachedDriftStreamKey(call({ attributes, model: "gpt-4o" }));
    const other = getCachedDriftStreamKey(call({ attributes, model: "gpt-4o-mini" }));
    const family = getCachedDriftStreamKey(call({ attributes, responseModel: "gpt-4.1-2025-04-14" }));
    expect(requested).toEqual({ provider: "openai", model: "gpt-4o", operation: "chat" });
    expect(other).toEqual({ provider: "openai", model: "gpt-4o-mini", operation: "chat" });
    expect(family).toEqual({ provider: "openai", model: "gpt-4.1", operation: "chat" });
    expect(getCachedDriftStreamKey(call({ attributes }))).toBeUndefined();
  });

  it("gives attributes that are not frozen a fresh key each call", () => {
    const attributes: Attributes = { [ATTR_SIGHTLINE_FEATURE]: "a" };
    const first = getCachedDriftStreamKey(call({ attributes, model: "gpt-4o" }));
    attributes[ATTR_SIGHTLINE_FEATURE] = "b";
    const second = getCachedDriftStreamKey(call({ attributes, model: "gpt-4o" }));
    expect(first?.feature).toBe("a");
    expect(second?.feature).toBe("b");
    expect(Object.isFrozen(second)).toBe(false);
  });
});
