/**
 * The part of `node:sqlite` the store uses, typed here because the package's `@types/node` is Node 20's,
 * which has no `node:sqlite` (the module is loaded at run time only where it exists).
 */

/** A value SQLite binds or returns. */
export type SqliteValue = null | number | bigint | string | Uint8Array;

/** A prepared statement (`StatementSync`). */
export interface SqliteStatement {
  run(...parameters: SqliteValue[]): { changes: number | bigint; lastInsertRowid: number | bigint };
  get(...parameters: SqliteValue[]): Record<string, SqliteValue> | undefined;
  all(...parameters: SqliteValue[]): Record<string, SqliteValue>[];
}

/** An open database (`DatabaseSync`). */
export interface SqliteDatabase {
  exec(sql: string): void;
  prepare(sql: string): SqliteStatement;
  close(): void;
}

/** The `node:sqlite` module. */
export interface NodeSqliteModule {
  DatabaseSync: new (path: string) => SqliteDatabase;
}
