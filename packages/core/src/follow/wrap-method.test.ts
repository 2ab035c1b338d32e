import { describe, expect, it } from "vitest";
import { wrapMethod } from "./wrap-method.js";

describe("wrapMethod", () => {
  it("wraps once, keeps the name, and refuses a second wrap", () => {
    const owner = {
      calls: 0,
      create(value: number) {
        return value * 2;
      },
    };
    const wrap = (original: (...args: unknown[]) => unknown) =>
      function (this: unknown, ...args: unknown[]) {
        owner.calls++;
        return original.apply(this, args);
      };
    expect(wrapMethod({ owner, name: "create", wrap })).toBe(true);
    expect(wrapMethod({ owner, name: "create", wrap })).toBe(false);
    expect(owner.create(21)).toBe(42);
    expect(owner.calls).toBe(1);
    expect(owner.create.name).toBe("create");
  });

  it("returns false when there is nothing to wrap", () => {
    expect(wrapMethod({ owner: undefined, name: "create", wrap: (original) => original })).toBe(false);
    expect(wrapMethod({ owner: {}, name: "create", wrap: (original) => original })).toBe(false);
  });
});
