import type { CatalogEntry, PriceRegistry, UnitPriceEntry } from "../types.js";

/** Format marker of Sightline's own price file. */
export type SightlinePriceFileFormat = "sightline.prices/v1";

/**
 * Sightline's own price file, as `startPriceRefresh` reads it. Prices are decimal strings in USD per 1M tokens
 * (at most 6 decimals), exactly as in the bundled catalog.
 */
export interface SightlinePriceFile {
  /** Always `sightline.prices/v1`. */
  format: SightlinePriceFileFormat;
  /** Version string costs report once the file is loaded (`sightline.pricing.version`). */
  pricingVersion: string;
  /** Priced models; each wins over the bundled entry with the same provider and id (or alias). */
  entries: CatalogEntry[];
  /** Non-token unit prices; each wins over the bundled one with the same provider, model, unit and variant. */
  unitPrices?: UnitPriceEntry[];
  /** `true` for a file that patches a few models on purpose: skips the check against partial files. Default: false. */
  partial?: boolean;
}

/** Which format a loaded file was in. */
export type PriceFileFormat = "sightline" | "litellm";

/** A price file checked and merged over the bundled catalog, ready for `PriceRegistry.replaceCatalog`. */
export interface LoadedPriceFile {
  /** The format the file was in. */
  format: PriceFileFormat;
  /** Version string: the file's own (Sightline), or `litellm:` and the first 8 hex digits of the body's SHA-256. */
  pricingVersion: string;
  /** The file's entries plus the bundled ones it does not name. */
  entries: CatalogEntry[];
  /** The file's unit prices plus the bundled ones it does not name. */
  unitPrices: UnitPriceEntry[];
  /** How many entries came from the file. */
  fileEntries: number;
  /** How many of the file's models were left out (LiteLLM rows that are not priced per token). */
  skipped: number;
}

/** Options of `startPriceRefresh`. */
export interface PriceRefreshOptions {
  /** Where the price file is served (`http:` or `https:`); Sightline's `sightline.prices/v1` or LiteLLM's price map. Env (through core and `init()`): `SIGHTLINE_PRICES_URL`. */
  url: string;
  /** Milliseconds between loads after the first one; at least 60000. Default: 21600000 (6 h). Env: `SIGHTLINE_PRICES_REFRESH_INTERVAL`. */
  intervalMs?: number;
  /** Longest time one load may take, headers and body, in milliseconds. Default: 10000. */
  timeoutMs?: number;
  /** Largest body accepted, in bytes; reading stops past it. Default: 20971520 (20 MiB). */
  maxBytes?: number;
  /** Registry whose catalog is replaced (by the file merged over the bundled catalog, not over its own). Default: `getDefaultPriceRegistry()`. */
  registry?: PriceRegistry;
  /** The fetch to use (for proxies, auth headers or tests). Default: the global `fetch`. */
  fetch?: (input: string, init?: RequestInit) => Promise<Response>;
  /** Told about a failed load, once per distinct message until a load succeeds. Default: nothing (core wires OTel `diag`). */
  onError?: (error: PriceRefreshError) => void;
  /** Told about every load that changed the prices. Default: nothing. */
  onUpdate?: (update: PriceRefreshUpdate) => void;
}

/** Why a load failed; the registry keeps the prices it had. */
export interface PriceRefreshError {
  /** The URL that was loaded. */
  url: string;
  /** What went wrong and what to do, in one sentence. */
  message: string;
  /** The underlying error, if any. */
  cause?: unknown;
}

/** A load that put new prices in place. */
export interface PriceRefreshUpdate {
  /** The URL that was loaded. */
  url: string;
  /** The version costs report from now on. */
  pricingVersion: string;
  /** The format of the file. */
  format: PriceFileFormat;
  /** How many entries came from the file. */
  fileEntries: number;
  /** How many entries the registry prices with now (file plus bundled). */
  totalEntries: number;
}

/** Outcome of one load. */
export type PriceRefreshResult =
  | { status: "updated"; update: PriceRefreshUpdate }
  | { status: "not-modified" }
  | { status: "failed"; error: PriceRefreshError }
  | { status: "stopped" };

/** What the refresher has done so far. */
export interface PriceRefreshStatus {
  /** Version the registry prices with now. */
  pricingVersion: string;
  /** Whether a load is running. */
  loading: boolean;
  /** When the last load ended (any outcome), or undefined before the first one ends. */
  lastAttemptAt?: Date;
  /** When a file was last loaded or confirmed unchanged (304). */
  lastSuccessAt?: Date;
  /** The last load's error, cleared by the next success. */
  lastError?: PriceRefreshError;
  /** Whether `stop()` was called. */
  stopped: boolean;
}

/** A running price refresh, as `startPriceRefresh` returns it. */
export interface PriceRefresh {
  /** Stops the interval and aborts a load in flight; the prices loaded so far stay. */
  stop(): void;
  /** Loads now (joining a load in flight); never rejects. */
  refreshNow(): Promise<PriceRefreshResult>;
  /** What the refresher has done so far. */
  status(): PriceRefreshStatus;
}
