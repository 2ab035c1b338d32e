import { DEFAULT_PRICE_REFRESH_INTERVAL_MS, MINIMUM_PRICE_REFRESH_INTERVAL_MS } from "@sightline/pricing";
import { readEnv } from "../config/read-env.js";
import { SightlineError } from "../errors/sightline-error.js";
import type { PricesOptions } from "./types.js";

/** Variable naming the price file to load at run time. */
export const PRICES_URL_ENV = "SIGHTLINE_PRICES_URL";
/** Variable setting the time between loads: milliseconds, or a number with `s`, `m` or `h`. */
export const PRICES_REFRESH_INTERVAL_ENV = "SIGHTLINE_PRICES_REFRESH_INTERVAL";

// Node clamps longer timers to 1 ms, which would turn a long interval into a busy loop.
const LONGEST_TIMER_MS = 2_147_483_647;
const UNIT_MS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 };

/** Refresh settings with the URL known: what `startPriceRefresh` gets. */
export interface ResolvedPricesOptions {
  url: string;
  intervalMs: number;
  timeoutMs: number | undefined;
  maxBytes: number | undefined;
}

/**
 * Resolves the `prices` option against `SIGHTLINE_PRICES_URL` and `SIGHTLINE_PRICES_REFRESH_INTERVAL` (an option
 * passed in code wins). Returns undefined when there is no URL or `prices` is `false`. Throws one `SightlineError`
 * naming the field, where the value came from, and the fix.
 */
export function resolvePricesOptions(
  option: false | PricesOptions | undefined,
  read: (name: string) => string | undefined = readEnv,
): ResolvedPricesOptions | undefined {
  if (option === false) return undefined;
  if (option !== undefined && (typeof option !== "object" || option === null)) {
    throw new SightlineError({
      message: `prices: ${String(option)} is not supported; pass { url, intervalMs?, timeoutMs?, maxBytes? }, or false to ignore ${PRICES_URL_ENV}.`,
    });
  }
  const readText = (name: string) => {
    const value = read(name)?.trim();
    return value === "" ? undefined : value;
  };
  const urlText = option?.url ?? readText(PRICES_URL_ENV);
  if (urlText === undefined) return undefined;
  const urlOrigin = option?.url === undefined ? ` (from ${PRICES_URL_ENV})` : "";
  if (!isHttpUrl(urlText)) {
    throw new SightlineError({
      message: `prices.url: ${JSON.stringify(urlText)}${urlOrigin} is not an http(s) URL; use e.g. "https://prices.example.com/sightline-prices.json".`,
    });
  }
  const intervalText = readText(PRICES_REFRESH_INTERVAL_ENV);
  const intervalMs =
    option?.intervalMs ??
    (intervalText === undefined ? DEFAULT_PRICE_REFRESH_INTERVAL_MS : parseDuration(intervalText));
  if (!inRange(intervalMs, MINIMUM_PRICE_REFRESH_INTERVAL_MS)) {
    const origin = option?.intervalMs === undefined ? ` (from ${PRICES_REFRESH_INTERVAL_ENV})` : "";
    throw new SightlineError({
      message: `prices.intervalMs: ${option?.intervalMs ?? JSON.stringify(intervalText)}${origin} is not a number of milliseconds from ${MINIMUM_PRICE_REFRESH_INTERVAL_MS} (1 minute) to ${LONGEST_TIMER_MS}; use e.g. ${DEFAULT_PRICE_REFRESH_INTERVAL_MS} (6 hours)${origin ? ', or "6h"' : ""}.`,
    });
  }
  for (const [name, value, example] of [
    ["timeoutMs", option?.timeoutMs, 10_000],
    ["maxBytes", option?.maxBytes, 20_971_520],
  ] as const) {
    if (value !== undefined && !inRange(value, 1)) {
      throw new SightlineError({
        message: `prices.${name}: ${String(value)} is not a positive number; use e.g. ${example}.`,
      });
    }
  }
  return { url: urlText, intervalMs, timeoutMs: option?.timeoutMs, maxBytes: option?.maxBytes };
}

function isHttpUrl(text: string): boolean {
  try {
    const { protocol } = new URL(text);
    return protocol === "http:" || protocol === "https:";
  } catch {
    return false;
  }
}

/** `900000`, `900000ms`, `90s`, `30m`, `6h`; anything else is NaN, which the range check refuses. */
function parseDuration(text: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)?$/i.exec(text);
  if (!match) return Number.NaN;
  return Number(match[1]) * (UNIT_MS[(match[2] ?? "ms").toLowerCase()] ?? Number.NaN);
}

function inRange(value: unknown, minimum: number): value is number {
  return typeof value === "number" && Number.isFinite(value) && value >= minimum && value <= LONGEST_TIMER_MS;
}
