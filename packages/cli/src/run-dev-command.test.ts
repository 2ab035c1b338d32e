import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeEach, expect, it, vi } from "vitest";
import type { DevServerOptions } from "./types.js";

// The real receiver, wrapped to record the options it was given and, where a test asks, to claim a web UI
// address (on this branch the receiver serves none yet), so --open can be checked without a browser.
const started: DevServerOptions[] = [];
let claimedUiUrl: string | undefined;
vi.mock("./start-dev-server.js", async (importOriginal) => {
  const real = await importOriginal<typeof import("./start-dev-server.js")>();
  return {
    startDevServer: async (options: DevServerOptions) => {
      started.push(options);
      const server = await real.startDevServer(options);
      const uiUrl = claimedUiUrl?.replace("{url}", server.url) ?? server.uiUrl;
      return Object.assign(server, { uiUrl, storePath: options.store ?? server.storePath });
    },
  };
});
const { runDevCommand } = await import("./run-dev-command.js");

// The commands start the real receiver, whose store is a real file: every path a test gives lives in here.
const workDirectory = mkdtempSync(join(tmpdir(), "sightline-dev-command-"));
const envStore = join(workDirectory, "from-env.sqlite");
afterAll(() => rmSync(workDirectory, { recursive: true, force: true }));

beforeEach(() => {
  started.length = 0;
  claimedUiUrl = undefined;
});

/** Runs `sightline dev <args>` until it is listening, then stops it as Ctrl-C would. */
async function runDev(options: {
  args: string[];
  env?: Record<string, string | undefined>;
  openUrl?: (url: string, onError: (message: string) => void) => void;
}) {
  const out: string[] = [];
  const error: string[] = [];
  const controller = new AbortController();
  controller.abort();
  const code = await runDevCommand({
    args: options.args,
    write: (text) => void out.push(text),
    writeError: (text) => void error.push(text),
    env: options.env ?? {},
    cwd: workDirectory,
    color: false,
    signal: controller.signal,
    ...(options.openUrl ? { openUrl: options.openUrl } : {}),
  });
  return { code, out: out.join(""), error: error.join("") };
}

it("serves the web UI by default and --no-ui turns it off", async () => {
  expect((await runDev({ args: ["--port", "0"] })).code).toBe(0);
  expect(started[0]?.ui).toBe(true);
  expect((await runDev({ args: ["--port", "0", "--no-ui"] })).code).toBe(0);
  expect(started[1]?.ui).toBe(false);
});

it("--store takes a path (relative to the working directory) or :memory:, over SIGHTLINE_DEV_STORE", async () => {
  await runDev({ args: ["--port", "0", "--store", "traces.sqlite"] });
  expect(started[0]?.store).toBe(join(workDirectory, "traces.sqlite"));
  await runDev({ args: ["--port", "0"], env: { SIGHTLINE_DEV_STORE: envStore } });
  expect(started[1]?.store).toBe(envStore);
  const flagWins = await runDev({
    args: ["--port", "0", "--store", ":memory:"],
    env: { SIGHTLINE_DEV_STORE: envStore },
  });
  expect(started[2]?.store).toBe(":memory:");
  expect(flagWins.out).toContain("  store: :memory: (kept until Ctrl-C)\n");
  await runDev({ args: ["--port", "0"], env: { SIGHTLINE_DEV_STORE: "" } });
  expect(started[3]?.store).toBeUndefined();
  const empty = await runDev({ args: ["--port", "0", "--store", ""] });
  expect(empty.code).toBe(2);
  expect(empty.error).toBe(
    "sightline dev: --store needs a file path, or :memory: to keep nothing; e.g. --store ./dev.sqlite\n",
  );
});

it("--retention-hours and --retention-mb set the store's retention, and reject what is not a positive number", async () => {
  await runDev({ args: ["--port", "0", "--retention-hours", "0.5", "--retention-mb", "64"] });
  expect(started[0]?.retention).toEqual({ maxAgeHours: 0.5, maxSizeMb: 64 });
  await runDev({ args: ["--port", "0"] });
  expect(started[1]?.retention).toBeUndefined();
  for (const [flag, value, example] of [
    ["--retention-hours", "0", "168"],
    ["--retention-hours", "week", "168"],
    ["--retention-mb", "-5", "256"],
    ["--retention-mb", "", "256"],
  ] as const) {
    // `=` keeps a leading minus from being read as another flag.
    const result = await runDev({ args: ["--port", "0", `${flag}=${value}`] });
    expect(result.code).toBe(2);
    expect(result.error).toBe(
      `sightline dev: ${flag} ${value} is not a positive number; e.g. ${flag} ${example}\n`,
    );
  }
  expect(started).toHaveLength(2);
});

it("--open hands the web UI's address to the opener, and the banner shows it", async () => {
  claimedUiUrl = "{url}/";
  const opened: string[] = [];
  const result = await runDev({ args: ["--port", "0", "--open"], openUrl: (url) => void opened.push(url) });
  expect(result.code).toBe(0);
  const url = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(result.out)?.[1];
  expect(opened).toEqual([`${url}/`]);
  expect(result.out).toContain(`  web UI: ${url}/\n`);
  expect(result.error).toBe("");
});

it("--open reports an opener's failure in one line and keeps the receiver running", async () => {
  claimedUiUrl = "{url}/";
  const failing = await runDev({
    args: ["--port", "0", "--open"],
    openUrl: (url, onError) =>
      onError(`could not start xdg-open (spawn xdg-open ENOENT); open ${url} in your browser`),
  });
  expect(failing.code).toBe(0);
  expect(failing.error).toMatch(
    /^sightline dev: --open: could not start xdg-open \(spawn xdg-open ENOENT\); open http:\/\/127\.0\.0\.1:\d+\/ in your browser\n$/,
  );
  const throwing = await runDev({
    args: ["--port", "0", "--open"],
    openUrl: () => {
      throw new Error("no display");
    },
  });
  expect(throwing.code).toBe(0);
  expect(throwing.error).toBe("sightline dev: --open: Error: no display\n");
  expect(throwing.out).toContain("no GenAI calls received");
});

it("--open opens the real web UI where node:sqlite exists, else says why; --open with --no-ui is bad usage", async () => {
  const opened: string[] = [];
  const openUrl = (url: string) => void opened.push(url);
  const result = await runDev({ args: ["--port", "0", "--open", "--store", ":memory:"], openUrl });
  expect(result.code).toBe(0);
  if (process.getBuiltinModule?.("node:sqlite") !== undefined) {
    expect(result.error).toBe("");
    expect(opened).toEqual([expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/$/)]);
    opened.length = 0;
  } else {
    expect(result.error).toMatch(/^sightline dev: --open: nothing to open: the web UI needs node:sqlite/);
  }
  const conflicting = await runDev({ args: ["--port", "0", "--open", "--no-ui"], openUrl });
  expect(conflicting.code).toBe(2);
  expect(conflicting.error).toBe(
    "sightline dev: --open opens the web UI, which --no-ui turns off; drop one of them\n",
  );
  expect(opened).toEqual([]);
});
