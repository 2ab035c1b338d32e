import { compileEntry } from "../compile-entry.js";
import { findLongContextTier } from "../find-long-context-tier.js";
import type { CompiledMode, CompiledRates } from "../internal-types.js";
import { formatDecimalRate, parseDecimalRate } from "../parse-decimal-rate.js";
import { PRICE_FIELDS } from "../price-fields.js";
import type { CatalogEntry, PriceRegistry, PricingMode } from "../types.js";
import type { LiteLLMConversion } from "./convert-litellm-map.js";

/** One price on which the catalog and LiteLLM differ, in USD per 1M tokens. */
export interface LiteLLMDisagreement {
  provider: string;
  /** The model id as LiteLLM lists it (its provider prefix removed). */
  id: string;
  /** The catalog entry that priced it. */
  modelId: string;
  /** Which price: `input`, `batch.output`, `priority.cacheRead`, `input>200000` (a long-context tier), ... */
  field: string;
  /** Sightline's effective rate, or `none` when the catalog has no such mode (it bills list price instead). */
  sightline: string;
  litellm: string;
}

/** The result of {@link compareWithLiteLLM}. */
export interface LiteLLMComparison {
  /** LiteLLM models that resolve to a catalog price. */
  resolved: number;
  /** LiteLLM models (with a token price) that the catalog cannot resolve. */
  unresolved: { provider: string; id: string }[];
  /** Prices that differ by at least one micro-dollar per 1M tokens. */
  disagreements: LiteLLMDisagreement[];
}

/**
 * Resolves every model of a converted LiteLLM map through `registry`, as a user would send its name, and compares
 * each price LiteLLM states with the rate the registry would bill (defaults applied: a cache read the catalog does
 * not price apart is billed at the input rate). Exact to the micro-dollar per 1M tokens.
 */
export function compareWithLiteLLM(
  registry: PriceRegistry,
  conversion: LiteLLMConversion,
): LiteLLMComparison {
  const unresolved: { provider: string; id: string }[] = [];
  const disagreements: LiteLLMDisagreement[] = [];
  let resolved = 0;
  for (const theirs of conversion.entries) {
    const found = registry.resolveModel({ provider: theirs.provider, model: theirs.id });
    if (!found) {
      unresolved.push({ provider: theirs.provider, id: theirs.id });
      continue;
    }
    resolved += 1;
    const ours = compileEntry(found.entry, registry.pricingVersion);
    const report = (field: string, sightline: number | undefined, litellm: number): void => {
      if (sightline === litellm) return;
      disagreements.push({
        provider: theirs.provider,
        id: theirs.id,
        modelId: found.entry.id,
        field,
        sightline: sightline === undefined ? "none" : formatDecimalRate(sightline),
        litellm: formatDecimalRate(litellm),
      });
    };
    compareMode("", ours.standard, theirs, report);
    if (theirs.batch) compareMode("batch.", ours.batch, theirs.batch, report);
    for (const [name, mode] of Object.entries(theirs.serviceTiers ?? {})) {
      compareMode(`${name}.`, ours.serviceTiers.get(name), mode, report);
    }
  }
  return { resolved, unresolved, disagreements };
}

function compareMode(
  prefix: string,
  ours: CompiledMode | undefined,
  theirs: PricingMode | CatalogEntry,
  report: (field: string, sightline: number | undefined, litellm: number) => void,
): void {
  const tiers = [{ above: 0, prices: theirs.prices }];
  for (const tier of theirs.longContext ?? [])
    tiers.push({ above: tier.aboveInputTokens, prices: tier.prices });
  for (const { above, prices } of tiers) {
    // The rates our catalog bills for a request just over this tier's threshold.
    const rates = ours ? ratesFor(ours, above) : undefined;
    for (const field of PRICE_FIELDS) {
      const value = prices[field];
      if (value === undefined) continue;
      const suffix = above > 0 ? `>${above}` : "";
      report(`${prefix}${field}${suffix}`, rates?.[field], parseDecimalRate(value));
    }
  }
}

function ratesFor(mode: CompiledMode, above: number): CompiledRates {
  return (above === 0 ? undefined : findLongContextTier(mode, above + 1))?.rates ?? mode.base;
}
