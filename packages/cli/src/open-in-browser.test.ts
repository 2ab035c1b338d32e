import type { spawn } from "node:child_process";
import { EventEmitter } from "node:events";
import { expect, it } from "vitest";
import { getOpenCommand } from "./get-open-command.js";
import { openInBrowser } from "./open-in-browser.js";

const url = "http://127.0.0.1:4318/";

it("uses xdg-open on Linux, open on macOS and cmd /c start on Windows", () => {
  expect(getOpenCommand({ platform: "linux", url })).toEqual({ command: "xdg-open", args: [url] });
  expect(getOpenCommand({ platform: "darwin", url })).toEqual({ command: "open", args: [url] });
  expect(getOpenCommand({ platform: "win32", url })).toEqual({
    command: "cmd",
    args: ["/c", "start", '""', url],
  });
});

/** A spawn that records its call and hands back a child the test drives. */
function fakeSpawn() {
  const calls: { command: string; args: readonly string[]; options: Record<string, unknown> }[] = [];
  const child = Object.assign(new EventEmitter(), {
    unref: () => void calls.push({ command: "unref", args: [], options: {} }),
  });
  const spawnChild = ((command: string, args: readonly string[], options: Record<string, unknown>) => {
    calls.push({ command, args, options });
    return child;
  }) as unknown as typeof spawn;
  return { calls, child, spawn: spawnChild };
}

it("starts the opener detached with its output ignored, and lets it go", () => {
  const fake = fakeSpawn();
  const errors: string[] = [];
  openInBrowser({
    url,
    platform: "linux",
    spawn: fake.spawn,
    onError: (message) => void errors.push(message),
  });
  expect(fake.calls[0]).toMatchObject({
    command: "xdg-open",
    args: [url],
    options: { detached: true, stdio: "ignore" },
  });
  expect(fake.calls[1]?.command).toBe("unref");
  fake.child.emit("exit", 0);
  expect(errors).toEqual([]);
});

it("reports a missing or failing opener in one line with the URL to open by hand, never throwing", () => {
  const missing = fakeSpawn();
  const errors: string[] = [];
  const onError = (message: string) => void errors.push(message);
  openInBrowser({ url, platform: "linux", spawn: missing.spawn, onError });
  missing.child.emit("error", new Error("spawn xdg-open ENOENT"));
  const failing = fakeSpawn();
  openInBrowser({ url, platform: "darwin", spawn: failing.spawn, onError });
  failing.child.emit("exit", 1);
  const throwing = (() => {
    throw new Error("EPERM");
  }) as unknown as typeof spawn;
  openInBrowser({ url, platform: "win32", spawn: throwing, onError });
  expect(errors).toEqual([
    `could not start xdg-open (spawn xdg-open ENOENT); open ${url} in your browser`,
    `open exited with 1; open ${url} in your browser`,
    `could not start cmd (EPERM); open ${url} in your browser`,
  ]);
});
