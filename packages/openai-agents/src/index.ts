export {
  createSightlineTracingProcessor,
  type SightlineTracingProcessor,
} from "./create-sightline-tracing-processor.js";
export { splitProvider } from "./map-model-span.js";
export type { SightlineAgentsOptions } from "./types.js";
