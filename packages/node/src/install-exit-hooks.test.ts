import { EventEmitter } from "node:events";
import { expect, it, vi } from "vitest";
import { installExitHooks } from "./install-exit-hooks.js";

function createFakeProcess() {
  const emitter = new EventEmitter();
  const kill = vi.fn();
  return Object.assign(emitter, { kill, pid: 4242 });
}

it("flushes on SIGTERM, then re-raises the signal when nobody else listens", async () => {
  const target = createFakeProcess();
  const shutdown = vi.fn(async () => {});
  installExitHooks({ shutdown, target });
  target.emit("SIGTERM", "SIGTERM");
  await vi.waitFor(() => expect(target.kill).toHaveBeenCalledWith(4242, "SIGTERM"));
  expect(shutdown).toHaveBeenCalledTimes(1);
});

it("leaves the exit to the app when it has its own SIGINT listener", async () => {
  const target = createFakeProcess();
  const shutdown = vi.fn(async () => {});
  target.on("SIGINT", () => {});
  installExitHooks({ shutdown, target });
  target.emit("SIGINT", "SIGINT");
  await vi.waitFor(() => expect(shutdown).toHaveBeenCalledTimes(1));
  await new Promise((resolve) => setTimeout(resolve, 10));
  expect(target.kill).not.toHaveBeenCalled();
});

it("flushes on beforeExit, and the returned function removes every hook", () => {
  const target = createFakeProcess();
  const shutdown = vi.fn(async () => {});
  const uninstall = installExitHooks({ shutdown, target });
  target.emit("beforeExit");
  expect(shutdown).toHaveBeenCalledTimes(1);
  uninstall();
  expect(
    target.listenerCount("SIGTERM") + target.listenerCount("SIGINT") + target.listenerCount("beforeExit"),
  ).toBe(0);
});
