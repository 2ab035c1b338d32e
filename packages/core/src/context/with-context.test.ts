import { createTestTelemetry } from "@sightline/testing";
import { describe, expect, it } from "vitest";
import { getSightlineContext, withContext } from "./with-context.js";

createTestTelemetry(); // installs the AsyncLocalStorage context manager

describe("withContext", () => {
  it("merges nested values, inner winning, and survives await", async () => {
    const seen = await withContext({ feature: "outer", tenantId: "acme" }, async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      return withContext({ feature: "inner", promptId: "p1" }, async () => {
        await Promise.resolve();
        return getSightlineContext();
      });
    });
    expect(seen).toEqual({ feature: "inner", tenantId: "acme", promptId: "p1" });
    expect(getSightlineContext()).toEqual({});
  });

  it("ignores undefined values instead of erasing outer ones", () => {
    const seen = withContext({ feature: "kept" }, () =>
      withContext({ feature: undefined }, () => getSightlineContext()),
    );
    expect(seen.feature).toBe("kept");
  });
});
