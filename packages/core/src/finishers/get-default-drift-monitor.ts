import { createDriftMonitor, type DriftMonitor } from "@sightline/drift";

// One monitor for the process, so every wrapped client calling the same model feeds the same
// streams and a client created per request still gets a warm baseline. Created on first use.
let defaultMonitor: DriftMonitor | undefined;

/** Calls per signal left out of the default monitor's baselines. */
const DEFAULT_WARMUP_SIZE = 10;

/**
 * The process-wide drift monitor every wrapper uses unless given its own through `drift.monitor`.
 * Snapshot it (`getDefaultDriftMonitor().snapshot()`) to keep a baseline across restarts.
 */
export function getDefaultDriftMonitor(): DriftMonitor {
  // The first calls of a process pay for new connections and cold code; keeping them out of the
  // baseline spares a (real but useless) "latency went down" verdict once the process is warm.
  defaultMonitor ??= createDriftMonitor({ warmupSize: DEFAULT_WARMUP_SIZE });
  return defaultMonitor;
}
