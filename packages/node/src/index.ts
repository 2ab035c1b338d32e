export { createSightlineExport } from "./create-sightline-export.js";
export { createSightlineViews } from "./create-sightline-views.js";
export { init } from "./init.js";
export type { InstrumentationLike } from "./register-instrumentations.js";
export type {
  ExporterPreset,
  HoneycombOptions,
  InitOptions,
  MetricsMode,
  OtlpProtocol,
  SightlineExport,
  SightlineTelemetry,
} from "./types.js";
