import { diag } from "@opentelemetry/api";
import { type PriceRefresh, type PriceRegistry, startPriceRefresh } from "@sightline/pricing";
import type { ResolvedPricesOptions } from "./resolve-prices-options.js";

interface RunningRefresh {
  url: string;
  refresh: PriceRefresh;
  listeners: Set<(message: string) => void>;
}

// One refresher per registry for the whole process: every wrapped client (and init()) that asks for the same
// registry shares it, so ten wrappers do not fetch the file ten times.
const running = new WeakMap<PriceRegistry, RunningRefresh>();

/**
 * Starts the run-time price refresh for a registry, unless one runs for it already (then `log`, if given, joins it);
 * a stopped one is replaced.
 * Failures go to OTel `diag.warn` and to `log`, once per distinct message; loads go to `diag.info`. A second URL
 * for the same registry is ignored with a warning: the first one keeps running.
 */
export function startConfiguredPriceRefresh(input: {
  registry: PriceRegistry;
  settings: ResolvedPricesOptions;
  log?: (message: string) => void;
}): PriceRefresh {
  const { registry, settings, log } = input;
  const existing = running.get(registry);
  // A stopped refresher (init() shut down) is replaced: a later init() or wrapper starts afresh.
  if (existing && !existing.refresh.status().stopped) {
    if (log) existing.listeners.add(log);
    if (existing.url !== settings.url) {
      const message = `sightline: prices are already refreshed from ${existing.url}; ${settings.url} is ignored (one price URL per registry)`;
      diag.warn(message);
      log?.(message);
    }
    return existing.refresh;
  }
  const listeners = new Set<(message: string) => void>(log ? [log] : []);
  const refresh = startPriceRefresh({
    url: settings.url,
    intervalMs: settings.intervalMs,
    timeoutMs: settings.timeoutMs,
    maxBytes: settings.maxBytes,
    registry,
    onError: (error) => {
      diag.warn(error.message, error.cause);
      // Loggers such as init()'s add their own "[sightline]" prefix.
      for (const listener of listeners) listener(error.message.replace(/^sightline: /, ""));
    },
    onUpdate: (update) => {
      diag.info(
        `sightline: prices loaded from ${update.url}: version ${update.pricingVersion}, ${update.fileEntries} entries from the file (${update.format}), ${update.totalEntries} in all`,
      );
    },
  });
  running.set(registry, { url: settings.url, refresh, listeners });
  return refresh;
}
