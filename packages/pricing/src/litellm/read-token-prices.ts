import type { LongContextTier, PriceSet, PricingMode } from "../types.js";
import { perTokenToPerMillion } from "./litellm-decimal.js";

/** Token price fields of LiteLLM's map and the `PriceSet` field each fills. */
const FIELD_BY_BASE: Readonly<Record<string, keyof PriceSet>> = {
  input_cost_per_token: "input",
  output_cost_per_token: "output",
  cache_read_input_token_cost: "cacheRead",
  cache_creation_input_token_cost: "cacheWrite",
  cache_creation_input_token_cost_above_1hr: "cacheWrite1h",
  output_cost_per_reasoning_token: "reasoning",
  input_cost_per_audio_token: "inputAudio",
  output_cost_per_audio_token: "outputAudio",
  input_cost_per_image_token: "inputImage",
  output_cost_per_image_token: "outputImage",
};

/** Pricing modes LiteLLM spells as key suffixes; other suffixes (`_ultrafast`, `_decisions`) are not imported. */
const MODE_BY_SUFFIX: Readonly<Record<string, string>> = {
  batches: "batch",
  flex: "flex",
  priority: "priority",
};

/**
 * LiteLLM's key grammar: `<base>[_above_<N>k_tokens][_<mode>]`, where the base may itself end in `_above_1hr`
 * (`cache_creation_input_token_cost_above_1hr_above_200k_tokens_priority`).
 */
const KEY_GRAMMAR =
  /^([a-z_]+?(?:_above_1hr)?)(?:_above_(\d+)k_tokens)?(?:_(batches|flex|priority|[a-z]+))?$/;

/** Token prices of one LiteLLM entry, per pricing mode (`standard`, `batch`, `flex`, `priority`). */
export interface LiteLLMTokenPrices {
  standard: PricingMode | undefined;
  batch: PricingMode | undefined;
  serviceTiers: Record<string, PricingMode>;
}

/**
 * Reads every per-token price of a LiteLLM entry into Sightline's pricing modes: long-context tiers from
 * `_above_<N>k_tokens` keys or a `tiered_pricing` list, batch from `_batches`, service tiers from `_flex` and
 * `_priority`. A mode without both an input and an output price is left out rather than guessed (a batch mode with
 * only a batch input price is not half-discounted), except that a missing output price is zero for embedding-like
 * entries (LiteLLM omits it when nothing is generated).
 */
export function readTokenPrices(entry: Readonly<Record<string, unknown>>): LiteLLMTokenPrices {
  // mode → threshold (0 = base) → PriceSet fields
  const modes = new Map<string, Map<number, Partial<Record<keyof PriceSet, string>>>>();
  for (const [key, value] of Object.entries(entry)) {
    const parsed = parseKey(key);
    if (!parsed) continue;
    const price = perTokenToPerMillion(value);
    if (price === undefined) continue;
    let thresholds = modes.get(parsed.mode);
    if (!thresholds) {
      thresholds = new Map();
      modes.set(parsed.mode, thresholds);
    }
    let prices = thresholds.get(parsed.threshold);
    if (!prices) {
      prices = {};
      thresholds.set(parsed.threshold, prices);
    }
    prices[parsed.field] = price;
  }
  // DeepSeek-style cache hits name the cached-input rate differently.
  const cacheHit = perTokenToPerMillion(entry.input_cost_per_token_cache_hit);
  const base = modes.get("standard")?.get(0);
  if (cacheHit !== undefined && base && base.cacheRead === undefined) base.cacheRead = cacheHit;
  addTieredPricing(entry.tiered_pricing, modes);

  const outputOptional = entry.mode === "embedding" || entry.mode === "rerank" || entry.mode === "moderation";
  const standard = toMode(modes.get("standard"), outputOptional);
  const serviceTiers: Record<string, PricingMode> = {};
  for (const name of ["flex", "priority"]) {
    const mode = toMode(modes.get(name), outputOptional);
    if (mode) serviceTiers[name] = mode;
  }
  return { standard, batch: toMode(modes.get("batch"), outputOptional), serviceTiers };
}

function parseKey(key: string): { field: keyof PriceSet; threshold: number; mode: string } | undefined {
  if (!key.includes("cost")) return undefined;
  const match = KEY_GRAMMAR.exec(key);
  if (!match) return undefined;
  const [, baseName = "", thousands, suffix] = match;
  let field = FIELD_BY_BASE[baseName];
  let mode = "standard";
  if (suffix !== undefined) {
    const named = MODE_BY_SUFFIX[suffix];
    if (named !== undefined) {
      mode = named;
    } else {
      // The "suffix" may belong to the base name (`..._cost_per_token` ends in `_token`).
      field = FIELD_BY_BASE[`${baseName}_${suffix}`];
    }
  }
  if (field === undefined) return undefined;
  return { field, threshold: thousands === undefined ? 0 : Number(thousands) * 1000, mode };
}

/** `tiered_pricing: [{ range: [0, 256000], input_cost_per_token, output_cost_per_token }, ...]`. */
function addTieredPricing(
  tiers: unknown,
  modes: Map<string, Map<number, Partial<Record<keyof PriceSet, string>>>>,
): void {
  if (!Array.isArray(tiers)) return;
  let thresholds = modes.get("standard");
  if (!thresholds) {
    thresholds = new Map();
    modes.set("standard", thresholds);
  }
  for (const tier of tiers) {
    if (tier === null || typeof tier !== "object") continue;
    const record = tier as Record<string, unknown>;
    const range = record.range;
    const from = Array.isArray(range) && typeof range[0] === "number" ? Math.round(range[0]) : undefined;
    if (from === undefined || from < 0) continue;
    const prices: Partial<Record<keyof PriceSet, string>> = thresholds.get(from) ?? {};
    for (const [key, field] of Object.entries(FIELD_BY_BASE)) {
      const price = perTokenToPerMillion(record[key]);
      if (price !== undefined && prices[field] === undefined) prices[field] = price;
    }
    thresholds.set(from, prices);
  }
}

function toMode(
  thresholds: Map<number, Partial<Record<keyof PriceSet, string>>> | undefined,
  outputOptional: boolean,
): PricingMode | undefined {
  if (!thresholds) return undefined;
  const base = completePrices(thresholds.get(0), outputOptional);
  if (!base) return undefined;
  const longContext: LongContextTier[] = [];
  for (const [threshold, partial] of [...thresholds].sort(([left], [right]) => left - right)) {
    if (threshold === 0) continue;
    // A tier that names only some prices keeps the base rate for the rest (LiteLLM lists what changes).
    const prices = completePrices({ ...base, ...partial }, outputOptional);
    if (prices) longContext.push({ aboveInputTokens: threshold, prices });
  }
  return longContext.length ? { prices: base, longContext } : { prices: base };
}

function completePrices(
  partial: Partial<Record<keyof PriceSet, string>> | undefined,
  outputOptional: boolean,
): PriceSet | undefined {
  if (!partial) return undefined;
  // Image models (gpt-image-1) list image-token rates only: their text rates are the image ones.
  const input = partial.input ?? partial.inputImage;
  const output = partial.output ?? partial.outputImage ?? (outputOptional ? "0" : undefined);
  if (input === undefined || output === undefined) return undefined;
  const prices: PriceSet = { input, output };
  for (const [field, value] of Object.entries(partial) as [keyof PriceSet, string][]) {
    if (field !== "input" && field !== "output") prices[field] = value;
  }
  return prices;
}
