import type { PriceRegistry } from "../types.js";
import { parsePriceFile } from "./parse-price-file.js";
import { readLimitedBody } from "./read-limited-body.js";
import type {
  PriceRefresh,
  PriceRefreshError,
  PriceRefreshOptions,
  PriceRefreshResult,
  PriceRefreshStatus,
} from "./types.js";

/** Distinct messages remembered for reporting once each; more than this and the oldest are forgotten. */
const REPORTED_LIMIT = 100;

/** `startPriceRefresh` after its option checks, with every setting resolved (tests use short intervals). */
export interface PriceRefreshSettings {
  url: string;
  intervalMs: number;
  timeoutMs: number;
  maxBytes: number;
  registry: PriceRegistry;
  fetch: (input: string, init?: RequestInit) => Promise<Response>;
  onError: PriceRefreshOptions["onError"];
  onUpdate: PriceRefreshOptions["onUpdate"];
}

/**
 * Runs the refresh loop: one load now, then one `intervalMs` after each load ends (loads never overlap). Each
 * load is bounded by `timeoutMs` and `maxBytes`, sends the last ETag / Last-Modified, and on any failure keeps the
 * registry's prices. Nothing here throws or rejects into the caller; timers are unref'd where the runtime can.
 */
export function runPriceRefresh(settings: PriceRefreshSettings): PriceRefresh {
  const state: PriceRefreshStatus = {
    pricingVersion: settings.registry.pricingVersion,
    loading: false,
    stopped: false,
  };
  const reported = new Set<string>();
  let etag: string | undefined;
  let lastModified: string | undefined;
  let inFlight: Promise<PriceRefreshResult> | undefined;
  let controller: AbortController | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  function schedule(): void {
    if (state.stopped) return;
    timer = setTimeout(() => {
      timer = undefined;
      void refreshNow();
    }, settings.intervalMs);
    unref(timer);
  }

  function refreshNow(): Promise<PriceRefreshResult> {
    if (state.stopped) return Promise.resolve({ status: "stopped" });
    if (inFlight) return inFlight;
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    state.loading = true;
    inFlight = load()
      .catch(
        (error: unknown): PriceRefreshResult =>
          fail(`the refresh failed unexpectedly: ${String(error)}`, error),
      )
      .then((result) => {
        inFlight = undefined;
        state.loading = false;
        state.lastAttemptAt = new Date();
        schedule();
        return result;
      });
    return inFlight;
  }

  async function load(): Promise<PriceRefreshResult> {
    const abort = new AbortController();
    controller = abort;
    const timeout = setTimeout(() => abort.abort(), settings.timeoutMs);
    unref(timeout);
    try {
      const headers: Record<string, string> = { accept: "application/json" };
      if (etag !== undefined) headers["if-none-match"] = etag;
      if (lastModified !== undefined) headers["if-modified-since"] = lastModified;
      let response: Response;
      let body: string;
      try {
        response = await settings.fetch(settings.url, { headers, signal: abort.signal });
        if (response.status === 304) {
          await response.body?.cancel().catch(() => {});
          return succeed({ status: "not-modified" });
        }
        if (!response.ok) {
          await response.body?.cancel().catch(() => {});
          return fail(`the server answered ${response.status} ${response.statusText}`.trim());
        }
        body = await readLimitedBody(response, settings.maxBytes);
      } catch (error) {
        if (state.stopped) return { status: "stopped" };
        if (abort.signal.aborted)
          return fail(`no complete answer within timeoutMs (${settings.timeoutMs} ms)`, error);
        if (error instanceof RangeError) return fail(error.message, error);
        return fail(`the request failed (${describeError(error)})`, error);
      }
      if (state.stopped) return { status: "stopped" };
      let loaded: Awaited<ReturnType<typeof parsePriceFile>>;
      try {
        loaded = await parsePriceFile({ body, url: settings.url });
        settings.registry.replaceCatalog(loaded);
      } catch (error) {
        return fail(`the file was refused: ${describeError(error)}`, error);
      }
      etag = response.headers.get("etag") ?? undefined;
      lastModified = response.headers.get("last-modified") ?? undefined;
      const update = {
        url: settings.url,
        pricingVersion: loaded.pricingVersion,
        format: loaded.format,
        fileEntries: loaded.fileEntries,
        totalEntries: loaded.entries.length,
      };
      state.pricingVersion = loaded.pricingVersion;
      report(() => settings.onUpdate?.(update));
      return succeed({ status: "updated", update });
    } finally {
      clearTimeout(timeout);
      if (controller === abort) controller = undefined;
    }
  }

  function succeed(result: PriceRefreshResult): PriceRefreshResult {
    state.lastSuccessAt = new Date();
    state.lastError = undefined;
    reported.clear();
    return result;
  }

  function fail(reason: string, cause?: unknown): PriceRefreshResult {
    const error: PriceRefreshError = {
      url: settings.url,
      message: `sightline: prices from ${settings.url} not loaded, keeping ${settings.registry.pricingVersion}: ${reason}`,
      ...(cause === undefined ? {} : { cause }),
    };
    state.lastError = error;
    // Once per distinct failure, not once per interval: a server down for a day is one message, not four.
    const key = reason;
    if (!reported.has(key)) {
      if (reported.size >= REPORTED_LIMIT) reported.clear();
      reported.add(key);
      report(() => settings.onError?.(error));
    }
    return { status: "failed", error };
  }

  return {
    stop() {
      state.stopped = true;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      controller?.abort();
    },
    refreshNow,
    status: () => ({ ...state }),
  };
}

/** A user callback that throws must not stop the refresher. */
function report(callback: () => void): void {
  try {
    callback();
  } catch {
    // The callback's own failure has nowhere better to go; the refresh goes on.
  }
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : "";
  return `${error.message}${cause}`;
}

/** Node and Bun timers can be unref'd so they never keep a process alive; other runtimes' timers are numbers. */
function unref(timer: unknown): void {
  (timer as { unref?: () => void } | undefined)?.unref?.();
}
