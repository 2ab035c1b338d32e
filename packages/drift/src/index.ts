export { computeCusumThreshold } from "./compute-cusum-threshold.js";
export { computeJensenShannonDistance } from "./compute-jensen-shannon-distance.js";
export { computePopulationStability } from "./compute-population-stability.js";
export { createDriftMonitor } from "./create-drift-monitor.js";
export type { SeededRandom } from "./create-seeded-random.js";
export { createSeededRandom } from "./create-seeded-random.js";
export type {
  DriftCategoricalSignal,
  DriftDetector,
  DriftMinimumEffect,
  DriftMonitor,
  DriftMonitorOptions,
  DriftMonitorStats,
  DriftObservation,
  DriftRearmMode,
  DriftScalarSignal,
  DriftScore,
  DriftState,
  DriftStreamKey,
  DriftStreamState,
  DriftSummary,
  DriftThresholdMode,
  DriftVerdict,
} from "./types.js";
