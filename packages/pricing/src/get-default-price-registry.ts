import { createPriceRegistry } from "./create-price-registry.js";
import type { PriceRegistry } from "./types.js";

// The one process-wide registry the issue asks for: `registerModelPrice()` at start-up must reach the costs that
// core computes later without threading a registry through every wrapper. Created on first use.
let defaultRegistry: PriceRegistry | undefined;

/**
 * The process-wide registry behind `costOf`, `resolveModel`, `registerModelPrice` and `listModels`. Use it to add
 * Azure deployments or overrides that every Sightline wrapper should see; create your own with
 * `createPriceRegistry()` for isolated pricing (tests, multi-tenant setups).
 *
 * @example
 * getDefaultPriceRegistry().registerAzureDeployment("prod-chat", "gpt-4o-2024-11-20");
 */
export function getDefaultPriceRegistry(): PriceRegistry {
  defaultRegistry ??= createPriceRegistry();
  return defaultRegistry;
}
