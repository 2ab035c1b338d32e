import { describe, expect, it } from "vitest";
import { createResolutionCache } from "./create-resolution-cache.js";

describe("createResolutionCache", () => {
  it("keeps provider, region and model apart, remembers null, and clears itself at its bound", () => {
    const cache = createResolutionCache<string>(3);
    cache.set("openai", "", "gpt-4o", "a");
    cache.set("azure", "", "gpt-4o", "b");
    cache.set("openai", "eu", "gpt-4o", null);
    expect(cache.get("openai", "", "gpt-4o")).toBe("a");
    expect(cache.get("azure", "", "gpt-4o")).toBe("b");
    expect(cache.get("openai", "eu", "gpt-4o")).toBeNull();
    expect(cache.get("openai", "", "gpt-4o-mini")).toBeUndefined();
    cache.set("openai", "", "o3", "d");
    expect(cache.get("azure", "", "gpt-4o")).toBeUndefined();
    expect(cache.get("openai", "", "o3")).toBe("d");
    cache.clear();
    expect(cache.get("openai", "", "o3")).toBeUndefined();
  });
});
