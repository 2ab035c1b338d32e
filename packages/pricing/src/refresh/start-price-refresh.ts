import { getDefaultPriceRegistry } from "../get-default-price-registry.js";
import { runPriceRefresh } from "./run-price-refresh.js";
import type { PriceRefresh, PriceRefreshOptions } from "./types.js";

/** Default time between loads: 6 hours. */
export const DEFAULT_PRICE_REFRESH_INTERVAL_MS = 6 * 60 * 60 * 1000;
/** Shortest time between loads: 1 minute (price files change a few times a week). */
export const MINIMUM_PRICE_REFRESH_INTERVAL_MS = 60_000;
const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;
// Longer timers overflow to 1 ms in Node, which would turn a long interval into a busy loop.
const LONGEST_TIMER_MS = 2_147_483_647;

/**
 * Keeps a registry's prices current from a URL, for users who cannot wait for a release. Loads once now (not
 * awaited: calls priced before it ends use the prices the registry had), then every `intervalMs` with
 * `If-None-Match` / `If-Modified-Since` (a 304 keeps the prices). Reads Sightline's `sightline.prices/v1` file or
 * LiteLLM's price map as is; the file's entries win over the bundled ones for the same provider and model, the
 * bundled ones fill the rest, and costs report the file's version. A load that fails — network, timeout, over
 * `maxBytes`, invalid JSON, wrong shape, no usable entry, or a partial file (fewer than half the bundled catalog's
 * current entries for the providers it prices) — keeps the prices in place and is told to `onError` once per
 * distinct message. Uses the global `fetch` only (Node, Bun, Deno, edge runtimes); its timers never keep a process
 * alive. Throws a `RangeError` at start for an option out of range; never afterwards.
 *
 * @example
 * const refresh = startPriceRefresh({ url: "https://prices.example.com/sightline-prices.json" });
 * // … later, e.g. on shutdown:
 * refresh.stop();
 */
export function startPriceRefresh(options: PriceRefreshOptions): PriceRefresh {
  const url = checkUrl(options.url);
  const intervalMs = checkNumber({
    name: "intervalMs",
    value: options.intervalMs,
    fallback: DEFAULT_PRICE_REFRESH_INTERVAL_MS,
    minimum: MINIMUM_PRICE_REFRESH_INTERVAL_MS,
    maximum: LONGEST_TIMER_MS,
  });
  const timeoutMs = checkNumber({
    name: "timeoutMs",
    value: options.timeoutMs,
    fallback: DEFAULT_TIMEOUT_MS,
    minimum: 1,
    maximum: LONGEST_TIMER_MS,
  });
  const maxBytes = checkNumber({
    name: "maxBytes",
    value: options.maxBytes,
    fallback: DEFAULT_MAX_BYTES,
    minimum: 1,
    maximum: Number.MAX_SAFE_INTEGER,
  });
  const fetchFunction = options.fetch ?? globalThis.fetch;
  if (typeof fetchFunction !== "function") {
    throw new RangeError("startPriceRefresh: this runtime has no global fetch; pass one as the fetch option");
  }
  const refresh = runPriceRefresh({
    url,
    intervalMs,
    timeoutMs,
    maxBytes,
    registry: options.registry ?? getDefaultPriceRegistry(),
    fetch: fetchFunction,
    onError: options.onError,
    onUpdate: options.onUpdate,
  });
  void refresh.refreshNow();
  return refresh;
}

function checkUrl(value: unknown): string {
  let parsed: URL | undefined;
  try {
    parsed = typeof value === "string" ? new URL(value) : undefined;
  } catch {
    parsed = undefined;
  }
  if (parsed && (parsed.protocol === "http:" || parsed.protocol === "https:")) return parsed.href;
  throw new RangeError(
    `startPriceRefresh: url ${JSON.stringify(value)} is not an http(s) URL; use e.g. "https://prices.example.com/prices.json"`,
  );
}

function checkNumber(options: {
  name: string;
  value: number | undefined;
  fallback: number;
  minimum: number;
  maximum: number;
}): number {
  const { name, value, fallback, minimum, maximum } = options;
  if (value === undefined) return fallback;
  if (typeof value === "number" && Number.isFinite(value) && value >= minimum && value <= maximum)
    return value;
  throw new RangeError(
    `startPriceRefresh: ${name} ${String(value)} is not a number from ${minimum} to ${maximum}; use e.g. ${fallback}`,
  );
}
