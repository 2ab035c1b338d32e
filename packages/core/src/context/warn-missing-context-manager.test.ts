import { AsyncLocalStorage } from "node:async_hooks";
import { type Context, context, DiagLogLevel, diag, ROOT_CONTEXT } from "@opentelemetry/api";
import { afterEach, describe, expect, it, vi } from "vitest";

// No createTestTelemetry() here: these tests need the API's no-op context manager.
afterEach(() => {
  diag.disable();
  context.disable();
  vi.resetModules();
});

/** A fresh copy of with-context (and its once-per-process flag) with a diag logger recording warnings. */
async function loadWithWarnings() {
  vi.resetModules();
  const warnings: string[] = [];
  const record = (message: string) => warnings.push(message);
  diag.setLogger(
    { error: record, warn: record, info: () => {}, debug: () => {}, verbose: () => {} },
    DiagLogLevel.WARN,
  );
  const module = await import("./with-context.js");
  return { ...module, warnings };
}

describe("withContext without a context manager", () => {
  it("warns once per process through diag.warn, never throws, and still returns fn's result", async () => {
    const { withContext, getSightlineContext, warnings } = await loadWithWarnings();
    const seen = withContext({ feature: "lost" }, () => getSightlineContext());
    expect(seen).toEqual({}); // the no-op manager drops the values: the reason for the warning
    expect(withContext({ feature: "again" }, () => 42)).toBe(42);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/no OpenTelemetry context manager registered/);
  });

  it("stays silent when a context manager keeps the values", async () => {
    const storage = new AsyncLocalStorage<Context>();
    context.setGlobalContextManager({
      active: () => storage.getStore() ?? ROOT_CONTEXT,
      with: (entered, fn, thisArg, ...args) => storage.run(entered, () => fn.call(thisArg, ...args)),
      bind: (_entered, target) => target,
      enable() {
        return this;
      },
      disable() {
        return this;
      },
    });
    const { withContext, getSightlineContext, warnings } = await loadWithWarnings();
    expect(withContext({ feature: "kept" }, () => getSightlineContext())).toEqual({ feature: "kept" });
    expect(warnings).toEqual([]);
  });
});
