import { existsSync, mkdirSync, renameSync } from "node:fs";
import { dirname } from "node:path";
import { createDevStore } from "./create-dev-store.js";
import { createStoreSchema, ForeignDatabaseError } from "./create-store-schema.js";
import { defaultDevStorePath } from "./default-dev-store-path.js";
import { loadNodeSqlite } from "./load-node-sqlite.js";
import type { NodeSqliteModule, SqliteDatabase } from "./sqlite-types.js";
import type { OpenDevStoreOptions, OpenDevStoreResult } from "./types.js";

const MEMORY = ":memory:";

/**
 * Opens the store of `sightline dev`, never throwing: without `node:sqlite` it returns the reason; a
 * corrupt file is moved aside to `<file>.corrupt-<timestamp>` and a fresh one started; a file another
 * `sightline dev` holds, or one that cannot be opened at all, gives an in-memory store. Each of those says
 * so in one line through `warn`.
 * @example
 * const opened = openDevStore({ path: ":memory:" });
 * if ("store" in opened) opened.store.enqueue({ spans, metrics: [] });
 */
export function openDevStore(options: OpenDevStoreOptions = {}): OpenDevStoreResult {
  const loaded = loadNodeSqlite();
  if (!("module" in loaded)) return { reason: loaded.reason };
  const warn = options.warn ?? (() => undefined);
  const retention = {
    maxAgeHours: options.retention?.maxAgeHours ?? 168,
    maxSizeMb: options.retention?.maxSizeMb ?? 256,
  };
  const file = options.path ?? defaultDevStorePath();
  const build = (database: SqliteDatabase, path: string) => ({
    store: createDevStore({ database, file: path, retention, settings: options }),
  });
  if (file === MEMORY) return build(openDatabase({ module: loaded.module, file: MEMORY }), MEMORY);
  try {
    mkdirSync(dirname(file), { recursive: true });
    return build(openDatabase({ module: loaded.module, file }), file);
  } catch (error) {
    const problem = classifyOpenError(error);
    if (problem === "corrupt") {
      const aside = `${file}.corrupt-${new Date().toISOString().replace(/[:.]/g, "-")}`;
      try {
        moveAside({ file, aside });
        warn(
          `sightline dev: ${file} is not a readable store (${describe(error)}); moved it to ${aside} and started a fresh one`,
        );
        return build(openDatabase({ module: loaded.module, file }), file);
      } catch (retryError) {
        warn(
          `sightline dev: ${file} could not be replaced (${describe(retryError)}); keeping traces in memory only`,
        );
        return build(openDatabase({ module: loaded.module, file: MEMORY }), MEMORY);
      }
    }
    const why =
      problem === "locked"
        ? "is in use by another sightline dev"
        : problem === "foreign"
          ? `was left untouched: ${describe(error)}`
          : `could not be opened (${describe(error)})`;
    warn(
      `sightline dev: ${file} ${why}; keeping this session's traces in memory only (--store picks another file)`,
    );
    return build(openDatabase({ module: loaded.module, file: MEMORY }), MEMORY);
  }
}

/**
 * Opens and prepares one connection. Exclusive locking mode makes the first `sightline dev` own the file
 * for its lifetime, so a second one finds it locked (and says so) instead of interleaving writes.
 */
function openDatabase(options: { module: NodeSqliteModule; file: string }): SqliteDatabase {
  const database = new options.module.DatabaseSync(options.file);
  try {
    database.exec("PRAGMA busy_timeout = 300");
    if (options.file !== MEMORY) {
      database.exec("PRAGMA locking_mode = EXCLUSIVE");
      database.exec("PRAGMA journal_mode = WAL");
      // A checkpointed write-ahead log is cut back to this size, so the file on disk stays near the store's size.
      database.exec("PRAGMA journal_size_limit = 16777216");
    }
    createStoreSchema(database);
    database.exec("PRAGMA synchronous = NORMAL");
    // Later statements may wait longer: nothing else should hold the lock once we have it.
    database.exec("PRAGMA busy_timeout = 5000");
    return database;
  } catch (error) {
    try {
      database.close();
    } catch {
      // Already unusable; the caller reports the first error.
    }
    throw error;
  }
}

/** `corrupt` (not a database, malformed), `locked` (busy), `foreign` (another program's database), or `other`. */
function classifyOpenError(error: unknown): "corrupt" | "locked" | "foreign" | "other" {
  if (error instanceof ForeignDatabaseError) return "foreign";
  const { errcode, message } = error as { errcode?: number; message?: string };
  const primary = typeof errcode === "number" ? errcode & 0xff : undefined;
  if (primary === 26 || primary === 11 || /not a database|malformed/i.test(message ?? "")) return "corrupt";
  if (primary === 5 || primary === 6 || /database is locked|busy/i.test(message ?? "")) return "locked";
  return "other";
}

function moveAside(options: { file: string; aside: string }): void {
  renameSync(options.file, options.aside);
  // The write-ahead log and shared-memory files belong to the old file; a fresh store must not replay them.
  for (const suffix of ["-wal", "-shm"]) {
    if (existsSync(`${options.file}${suffix}`))
      renameSync(`${options.file}${suffix}`, `${options.aside}${suffix}`);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
