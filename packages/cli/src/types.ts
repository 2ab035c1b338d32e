/** Options of {@link startDevServer}. */
export interface DevServerOptions {
  /** TCP port. Default `4318` (the OTLP/HTTP port); `0` picks a free one. CLI: `--port`. Env: `SIGHTLINE_DEV_PORT`. */
  port?: number;
  /**
   * Interface to bind. Default `127.0.0.1` (this machine only). CLI: `--host`. Env: `SIGHTLINE_DEV_HOST`.
   * Anything but loopback makes the receiver reachable from the network, without authentication.
   */
  host?: string;
  /** Print one JSON line per span instead of trace trees. Default `false`. CLI: `--json`. */
  json?: boolean;
  /** Recent traces kept in memory (older ones are forgotten). Default `500`. CLI: `--max-traces`. */
  maxTraces?: number;
  /** Largest accepted request body in bytes, after gunzip; larger ones get 413. Default 16 MiB. CLI: `--max-body-mb`. */
  maxBodyBytes?: number;
  /** A trace whose root span has not arrived is printed anyway after this many milliseconds. Default `2000`. */
  settleMs?: number;
  /** Use ANSI colors. Default `false` (the CLI turns them on for a terminal unless `NO_COLOR` is set). */
  color?: boolean;
  /** Where output goes. Default: `process.stdout.write`. */
  write?: (text: string) => void;
  /**
   * Where one-line notices about the store go (no `node:sqlite`, a corrupt or locked file moved aside).
   * Default: `process.stderr.write` (the CLI sends them to stdout, or to stderr with `--json`).
   */
  writeNotice?: (text: string) => void;
  /**
   * Serve the web UI and its JSON API (`/`, `/api/*`) on the same port, from an embedded SQLite store.
   * Default `true`. Needs `node:sqlite` (Node 22.13+); without it the receiver says so once and keeps the
   * terminal view only. CLI: `--no-ui` turns it off.
   */
  ui?: boolean;
  /**
   * The store file. Default: `sightline/dev.sqlite` under the user's data folder (`$XDG_DATA_HOME` or
   * `~/.local/share` on Linux, `~/Library/Application Support` on macOS, `%LOCALAPPDATA%` on Windows).
   * `":memory:"` keeps nothing across restarts. CLI: `--store`. Env: `SIGHTLINE_DEV_STORE`.
   */
  store?: string;
  /** Retention of the store: older traces, and the oldest ones past the size, are deleted. Defaults 168 h and 256 MB. */
  retention?: { maxAgeHours?: number; maxSizeMb?: number };
}

/** Counters of what the dev server received. */
export interface DevServerStats {
  /** Export requests accepted. */
  accepted: number;
  /** Spans received. */
  spans: number;
  /** Metric data points received. */
  metricPoints: number;
  /** Requests answered 413 (body too large). */
  tooLarge: number;
  /** Requests answered 400 (not an OTLP export request). */
  malformed: number;
  /** Requests answered 404 or 415 (wrong path, method or content type). */
  unsupported: number;
  /** Requests answered 403: a `Host` this receiver does not answer to, or an `Origin` from another site. */
  forbidden: number;
  /** Traces forgotten to keep memory bounded, and spans dropped from oversized traces. */
  dropped: number;
  /** The store's write queue, when the store is open: spans waiting, and spans dropped because it was full. */
  store?: { pending: number; dropped: number };
}

/** A running `sightline dev` receiver. */
export interface DevServer {
  /** Base URL, e.g. `http://127.0.0.1:4318`; use it as `OTEL_EXPORTER_OTLP_ENDPOINT`. */
  url: string;
  /** The web UI's address (`${url}/`), or `undefined` when the UI is off or the runtime has no `node:sqlite`. */
  uiUrl: string | undefined;
  /** The store file in use (`":memory:"` for none), or `undefined` without a store. */
  storePath: string | undefined;
  /** Counters so far. */
  stats(): DevServerStats;
  /** The per-model summary table (calls, errors, p50/p95 latency, tokens, cost) as text. */
  summary(): string;
  /** Prints pending traces, stops listening and closes connections. */
  close(): Promise<void>;
}
