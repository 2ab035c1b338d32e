import { getDefaultPriceRegistry } from "./get-default-price-registry.js";
import type { ModelResolutionReport, ResolveModelInput } from "./types.js";

/**
 * Every candidate the default registry tries for a model string, in order (mapping, override, fine-tune,
 * region, catalog, routed vendor, host's vendor), which one matched and how; for finding out why a model is
 * unpriced or priced as something unexpected. Not cached, so keep it off hot paths.
 *
 * @example
 * explainModelResolution({ provider: "openai", model: "ft:gpt-4o-mini-2024-07-18:acme::AbC123" }).steps;
 * // → [{ rule: "override", … }, { rule: "fine-tune", model: "ft:gpt-4o-mini-2024-07-18", entryId: "ft:gpt-4o-mini-2024-07-18", match: "exact" }]
 */
export function explainModelResolution(input: ResolveModelInput): ModelResolutionReport {
  return getDefaultPriceRegistry().explainModelResolution(input);
}
