import { context, ROOT_CONTEXT } from "@opentelemetry/api";
import { describe, expect, it, vi } from "vitest";
import { createSpanRegistry, type OpenSpan } from "./create-span-registry.js";

const openSpan = (end: () => void): OpenSpan => ({
  kind: "agent",
  context: ROOT_CONTEXT,
  handle: { span: {} as never, context: context.active(), end },
  agent: undefined,
});

describe("createSpanRegistry", () => {
  it("keeps at most maxOpen spans, ending the oldest as abandoned", () => {
    const registry = createSpanRegistry(2);
    const ends = [vi.fn(), vi.fn(), vi.fn()];
    registry.add("a", openSpan(ends[0] as () => void));
    registry.add("b", openSpan(ends[1] as () => void));
    registry.add("c", openSpan(ends[2] as () => void));
    expect(registry.size).toBe(2);
    expect(registry.get("a")).toBeUndefined();
    expect(ends[0]).toHaveBeenCalledWith(expect.any(Error));
    expect(registry.take("b")).toBeDefined();
    expect(registry.size).toBe(1);
    registry.clear();
    expect(ends[2]).toHaveBeenCalledTimes(1);
    expect(registry.size).toBe(0);
  });
});
