export { runProviderConformance } from "./conformance/run-provider-conformance.js";
export type {
  ConformanceCore,
  ConformanceRequest,
  ConformanceWrapOptions,
  ProviderConformanceAdapter,
} from "./conformance/types.js";
