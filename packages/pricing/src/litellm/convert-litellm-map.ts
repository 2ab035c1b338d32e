import type { CatalogEntry, PriceSet, UnitPriceEntry } from "../types.js";
import { LITELLM_MODES, LITELLM_PROVIDERS, type LiteLLMProviderMapping } from "./litellm-providers.js";
import { readTokenPrices } from "./read-token-prices.js";
import { readUnitPrices } from "./read-unit-prices.js";

/** Where the converted prices came from, stamped on every entry. */
export interface LiteLLMSourceInfo {
  /** Where the map was read, e.g. `LiteLLM 1.110.2 price map (PyPI wheel)`. */
  source: string;
  /** Day (ISO `YYYY-MM-DD`) the map was read. */
  checkedAt: string;
}

/** A LiteLLM key that gave no catalog entry, and why. */
export interface SkippedLiteLLMKey {
  key: string;
  reason: "out of scope" | "no price" | "duplicate";
}

/** The result of {@link convertLiteLLMMap}. */
export interface LiteLLMConversion {
  /** Token-priced models, one per LiteLLM key in scope (LiteLLM's provider prefix removed from the id). */
  entries: CatalogEntry[];
  /** Non-token prices: images, seconds, characters, rerank queries, per-request fees. */
  unitPrices: UnitPriceEntry[];
  /** Keys in scope that gave nothing, with the reason, plus how many keys were out of scope. */
  skipped: SkippedLiteLLMKey[];
  /** Keys of LiteLLM's map in scope (providers Sightline knows, modes it prices). */
  inScope: number;
  /** Per `gen_ai.provider.name`: LiteLLM models in scope, and how many of them gave a price. */
  coverage: Record<string, { models: number; priced: number }>;
}

/**
 * Converts LiteLLM's price map (`model_prices_and_context_window.json`, as is) into Sightline catalog entries and
 * unit prices: providers mapped to `gen_ai.provider.name`, LiteLLM's provider prefix removed from ids
 * (`azure/gpt-4o` → `gpt-4o`; region and data-zone paths stay: `bedrock/us-east-1/x` → `us-east-1/x`), per-token
 * floats turned into exact decimal strings per 1M tokens, `_above_<N>k_tokens` keys into long-context tiers,
 * `_batches` into batch prices, `_flex` and `_priority` into service tiers. Only the providers and modes the
 * catalog covers are read (see `LITELLM_PROVIDERS`, `LITELLM_MODES`); a key without any price is skipped, never
 * priced at zero. The first of two keys that give the same provider and id wins.
 *
 * @throws TypeError when `map` is not an object of LiteLLM entries.
 */
export function convertLiteLLMMap(map: unknown, info: LiteLLMSourceInfo): LiteLLMConversion {
  if (map === null || typeof map !== "object" || Array.isArray(map)) {
    throw new TypeError("A LiteLLM price map must be a JSON object of model entries keyed by model name.");
  }
  const entries: CatalogEntry[] = [];
  const unitPrices: UnitPriceEntry[] = [];
  const skipped: SkippedLiteLLMKey[] = [];
  const seenIds = new Set<string>();
  const seenUnits = new Set<string>();
  let inScope = 0;
  let shaped = 0;
  const coverage: Record<string, { models: number; priced: number }> = {};
  for (const [key, value] of Object.entries(map as Record<string, unknown>)) {
    if (value === null || typeof value !== "object" || Array.isArray(value)) continue;
    const entry = value as Record<string, unknown>;
    if (typeof entry.litellm_provider === "string") shaped += 1;
    const mapping =
      typeof entry.litellm_provider === "string" ? LITELLM_PROVIDERS[entry.litellm_provider] : undefined;
    if (!mapping || typeof entry.mode !== "string" || !LITELLM_MODES.has(entry.mode)) continue;
    inScope += 1;
    const counts = coverage[mapping.provider] ?? { models: 0, priced: 0 };
    coverage[mapping.provider] = counts;
    counts.models += 1;
    const id = stripPrefix(key, mapping);
    const units = readUnitPrices(id, entry);
    const tokens = readTokenPrices(entry);
    let produced = false;
    let repeated = false;
    for (const unit of units.prices) {
      const unitKey = `${mapping.provider} ${units.model.toLowerCase()} ${unit.unit} ${unit.variant ?? ""}`;
      if (seenUnits.has(unitKey)) {
        repeated = true;
        continue;
      }
      seenUnits.add(unitKey);
      unitPrices.push({
        provider: mapping.provider,
        model: units.model,
        ...unit,
        sourceUrl: mapping.sourceUrl,
        source: info.source,
        checkedAt: info.checkedAt,
      });
      produced = true;
    }
    // Token prices that are all zero mean "not listed" in LiteLLM, unless units carry the price (rerank) or the
    // product is free by design (moderation).
    const pricesTokens =
      tokens.standard !== undefined &&
      (hasNonZero(tokens.standard.prices) || produced || entry.mode === "moderation");
    if (pricesTokens && tokens.standard && units.model === id) {
      const identity = `${mapping.provider} ${id.toLowerCase()}`;
      if (seenIds.has(identity)) {
        skipped.push({ key, reason: "duplicate" });
        counts.priced += 1;
        continue;
      }
      seenIds.add(identity);
      entries.push({
        provider: mapping.provider,
        id,
        ...tokens.standard,
        ...(tokens.batch ? { batch: tokens.batch } : {}),
        ...(Object.keys(tokens.serviceTiers).length ? { serviceTiers: tokens.serviceTiers } : {}),
        sourceUrl: mapping.sourceUrl,
        source: info.source,
        checkedAt: info.checkedAt,
      });
      produced = true;
    }
    if (produced || repeated) counts.priced += 1;
    if (!produced) skipped.push({ key, reason: repeated ? "duplicate" : "no price" });
  }
  if (shaped === 0) {
    throw new TypeError(
      "This file has no LiteLLM entries (objects with a `litellm_provider`); is it LiteLLM's price map?",
    );
  }
  return { entries, unitPrices, skipped, inScope, coverage };
}

function stripPrefix(key: string, mapping: LiteLLMProviderMapping): string {
  for (const prefix of mapping.prefixes) {
    if (key.startsWith(prefix)) return key.slice(prefix.length);
  }
  return key;
}

function hasNonZero(prices: PriceSet): boolean {
  return Object.values(prices).some((price) => typeof price === "string" && Number(price) > 0);
}
