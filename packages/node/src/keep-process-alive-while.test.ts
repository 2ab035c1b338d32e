import { describe, expect, it } from "vitest";
import { keepProcessAliveWhile } from "./keep-process-alive-while.js";

function countTimeouts(): number {
  return process.getActiveResourcesInfo().filter((name) => name === "Timeout").length;
}

describe("keepProcessAliveWhile", () => {
  it("holds a ref'd timer while the work runs and clears it when the work ends", async () => {
    const before = countTimeouts();
    let finish: () => void = () => {};
    const running = keepProcessAliveWhile({
      work: () => new Promise<string>((resolve) => (finish = () => resolve("done"))),
      timeoutMs: 60_000,
    });
    await Promise.resolve();
    expect(countTimeouts()).toBe(before + 1);
    finish();
    await expect(running).resolves.toBe("done");
    expect(countTimeouts()).toBe(before);
  });

  it("passes the work's error through and still clears the timer", async () => {
    const before = countTimeouts();
    await expect(
      keepProcessAliveWhile({ work: () => Promise.reject(new Error("export failed")), timeoutMs: 60_000 }),
    ).rejects.toThrow("export failed");
    expect(countTimeouts()).toBe(before);
  });
});
