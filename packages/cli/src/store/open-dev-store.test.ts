import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createTestSpan, traceIdOf } from "../__fixtures__/create-test-span.js";
import { hasNodeSqlite } from "./load-node-sqlite.js";
import { openDevStore } from "./open-dev-store.js";
import type { DevStore } from "./types.js";

const stores: DevStore[] = [];
afterEach(() => {
  for (const store of stores.splice(0)) store.close();
});

function open(options: Parameters<typeof openDevStore>[0] = {}): { store: DevStore; notices: string[] } {
  const notices: string[] = [];
  const opened = openDevStore({ warn: (message) => notices.push(message), ...options });
  if (!("store" in opened)) throw new Error(opened.reason);
  stores.push(opened.store);
  return { store: opened.store, notices };
}

const folder = () => mkdtempSync(join(tmpdir(), "sightline-store-"));

describe.runIf(!hasNodeSqlite())("without node:sqlite (Node 20)", () => {
  it("says why there is no store, naming the Node version", () => {
    const opened = openDevStore({ path: ":memory:" });
    expect(opened).toEqual({
      reason: `the web UI needs node:sqlite, Node 22.13 or later; this is Node v${process.versions.node}: terminal view only`,
    });
  });
});

describe.skipIf(!hasNodeSqlite())("openDevStore (needs node:sqlite, Node 22.13+)", () => {
  it("keeps its traces across close and reopen", () => {
    const file = join(folder(), "nested", "dev.sqlite");
    const first = open({ path: file }).store;
    first.enqueue({ spans: [createTestSpan({ traceId: traceIdOf(1) })], metrics: [] });
    first.close();
    const { store, notices } = open({ path: file });
    expect(notices).toEqual([]);
    expect(store.status()).toMatchObject({ file, traces: 1, spans: 1, pending: 0, dropped: 0 });
  });

  it("moves a corrupt file aside, says so in one line and starts fresh", () => {
    const directory = folder();
    const file = join(directory, "dev.sqlite");
    const garbage = Buffer.from(Array.from({ length: 8192 }, (_, index) => (index * 7919 + 13) % 256));
    writeFileSync(file, garbage);
    const { store, notices } = open({ path: file });
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain(file);
    expect(notices[0]).toMatch(/not a readable store .* moved it to .*\.corrupt-/);
    expect(notices[0]).not.toContain("\n");
    const moved = readdirSync(directory).filter((name) => name.startsWith("dev.sqlite.corrupt-"));
    expect(moved).toHaveLength(1);
    expect(readFileSync(join(directory, moved[0] as string))).toEqual(garbage);
    store.enqueue({ spans: [createTestSpan()], metrics: [] });
    store.flush();
    expect(store.status()).toMatchObject({ file, traces: 1 });
  });

  it("falls back to memory when another sightline dev holds the file", () => {
    const file = join(folder(), "dev.sqlite");
    open({ path: file });
    const { store, notices } = open({ path: file });
    expect(store.file).toBe(":memory:");
    expect(notices).toEqual([expect.stringMatching(/dev\.sqlite is in use by another sightline dev/)]);
    store.enqueue({ spans: [createTestSpan()], metrics: [] });
    store.flush();
    expect(store.status().traces).toBe(1);
  });

  it("leaves another program's SQLite database untouched and keeps traces in memory", () => {
    const file = join(folder(), "app.sqlite");
    const opened = openDevStore({ path: ":memory:" });
    if (!("store" in opened)) throw new Error(opened.reason);
    // A database of another program: made with the same driver, one table of its own.
    const other = new (opened.store.database.constructor as new (path: string) => DevStore["database"])(file);
    other.exec(
      "CREATE TABLE spans (id INTEGER PRIMARY KEY, note TEXT); INSERT INTO spans (note) VALUES ('keep me');",
    );
    other.close();
    opened.store.close();
    const { store, notices } = open({ path: file });
    expect(store.file).toBe(":memory:");
    expect(notices).toEqual([
      expect.stringMatching(/app\.sqlite was left untouched: it is another program's SQLite database/),
    ]);
    store.close();
    stores.length = 0;
    const check = new (store.database.constructor as new (path: string) => DevStore["database"])(file);
    expect(check.prepare("SELECT note FROM spans").all()).toEqual([{ note: "keep me" }]);
    check.close();
  });

  it("writes queued spans in batches on a timer and tells listeners", async () => {
    const { store } = open({ path: ":memory:", queue: { intervalMs: 10 } });
    const stored: { traces: number; spans: number }[] = [];
    store.onStored((data) => stored.push(data));
    store.enqueue({
      spans: [
        createTestSpan({ traceId: traceIdOf(1), spanId: "1".repeat(16) }),
        createTestSpan({ traceId: traceIdOf(1), spanId: "2".repeat(16) }),
        createTestSpan({ traceId: traceIdOf(2) }),
      ],
      metrics: [],
    });
    expect(store.status().pending).toBe(3);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stored).toEqual([{ traces: 2, spans: 3 }]);
    expect(store.status()).toMatchObject({ traces: 2, spans: 3, pending: 0 });
  });

  it("drops and counts what does not fit in the queue", () => {
    const { store } = open({ path: ":memory:", queue: { maxPending: 5, intervalMs: 60_000 } });
    const spans = Array.from({ length: 8 }, (_, index) => createTestSpan({ traceId: traceIdOf(index) }));
    store.enqueue({ spans, metrics: [] });
    expect(store.status()).toMatchObject({ pending: 5, dropped: 3 });
    store.flush();
    expect(store.status()).toMatchObject({ traces: 5, pending: 0, dropped: 3 });
  });

  it("counts a resent span once", () => {
    const { store } = open({ path: ":memory:" });
    store.enqueue({ spans: [createTestSpan()], metrics: [] });
    store.enqueue({ spans: [createTestSpan()], metrics: [] });
    store.flush();
    expect(store.status()).toMatchObject({ traces: 1, spans: 1 });
  });
});
