import { createDriftMonitor, type DriftMonitor } from "@sightline/drift";

// One monitor for the process, so every wrapped client calling the same model feeds the same
// streams and a client created per request still gets a warm baseline. Created on first use.
let defaultMonitor: DriftMonitor | undefined;

/**
 * The process-wide drift monitor every wrapper uses unless given its own through `drift.monitor`.
 * Snapshot it (`getDefaultDriftMonitor().snapshot()`) to keep a baseline across restarts.
 */
export function getDefaultDriftMonitor(): DriftMonitor {
  defaultMonitor ??= createDriftMonitor();
  return defaultMonitor;
}
