/**
 * Run-time price refresh settings (docs/cost.md, "Refreshing prices at run time"). Each field falls back to its
 * environment variable, then to its default.
 */
export interface PricesOptions {
  /** URL of a `sightline.prices/v1` file or of LiteLLM's price map; no refresh without one. Env: `SIGHTLINE_PRICES_URL`. */
  url?: string;
  /** Milliseconds between loads, at least 60000. Default: 21600000 (6 h). Env: `SIGHTLINE_PRICES_REFRESH_INTERVAL` (milliseconds, or e.g. `30m`, `6h`). */
  intervalMs?: number;
  /** Longest time one load may take, in milliseconds. Default: 10000. */
  timeoutMs?: number;
  /** Largest file accepted, in bytes. Default: 20971520 (20 MiB). */
  maxBytes?: number;
}
