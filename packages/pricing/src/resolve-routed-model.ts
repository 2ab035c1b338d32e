import { isKnownProviderName, normalizeProvider } from "./normalize-provider.js";

/** `gen_ai.provider.name` of OpenRouter, which routes `vendor/model` names at the vendor's list price. */
export const OPENROUTER = "openrouter";
/** `gen_ai.provider.name` of a server that speaks the OpenAI API but is no host we know (a gateway, a proxy). */
export const OPENAI_COMPATIBLE = "openai_compatible";

/**
 * OpenRouter vendors that serve only their own models, so OpenRouter's price is the vendor's list price
 * (OpenRouter passes list prices through; its fee is charged on credit purchases, not per token). Open-weight
 * vendors (`deepseek/`, `meta-llama/`, `qwen/`, ...) are served by third parties at other prices: never priced.
 */
const OPENROUTER_PASS_THROUGH = new Set([
  "openai",
  "anthropic",
  "google",
  "x-ai",
  "xai",
  "mistralai",
  "perplexity",
]);
/** An OpenRouter variant suffix: `openai/gpt-4o:nitro`. */
const VARIANT_SUFFIX = /:([a-z0-9-]+)$/;
/**
 * Variants that only change routing or a request option, so the pass-through vendor's list price still applies:
 * `:nitro` (fastest provider), `:floor` (cheapest provider), `:online` (web search plugin, whose per-result fee
 * is billed apart and not in the token price), `:thinking` and `:beta`. Any other suffix is priced apart by
 * OpenRouter (`:extended` has its own context and price) and `:free` costs nothing: both stay unpriced.
 */
const LIST_PRICE_VARIANTS = new Set(["nitro", "floor", "online", "thinking", "beta"]);
/** OpenRouter spells Claude 4+ `claude-4.5-sonnet-20250929`; Anthropic spells it `claude-sonnet-4-5-20250929`. */
const CLAUDE_NUMBER_FIRST = /^claude-(\d+)(?:[.-](\d+))?-(opus|sonnet|haiku)(.*)$/;
/** An undated Claude name as OpenRouter writes it: `claude-3.7-sonnet`, `claude-opus-4`, `claude-opus-4.1`. */
const CLAUDE_UNDATED = /^claude-[a-z0-9.-]+$/;
const DATE_SUFFIX = /-\d{8}$/;

/**
 * For a host that routes other vendors' models, the vendor and its model name to price the call by, or
 * `undefined` when the name can't be priced that way. OpenRouter: `anthropic/claude-sonnet-4.5` →
 * (`anthropic`, `claude-sonnet-4.5`). An unknown OpenAI-compatible host: a `vendor/` prefix we know, or
 * no vendor (the caller then tries the first-party catalogs by the model name). `aliases` are the vendor's own
 * undated aliases to try after `model` when OpenRouter's undated name is no vendor id: Anthropic calls
 * `claude-3.7-sonnet` `claude-3-7-sonnet-latest` and `claude-opus-4` `claude-opus-4-0`.
 */
export function resolveRoutedModel(
  host: string,
  model: string,
): { vendor: string | undefined; model: string; aliases?: string[] } | undefined {
  const slash = model.indexOf("/");
  const head = slash > 0 ? model.slice(0, slash).toLowerCase() : undefined;
  if (host === OPENROUTER) {
    if (head === undefined || !OPENROUTER_PASS_THROUGH.has(head)) return undefined;
    let name = model.slice(slash + 1).trim();
    const variant = VARIANT_SUFFIX.exec(name)?.[1];
    if (variant !== undefined && !LIST_PRICE_VARIANTS.has(variant)) return undefined;
    if (variant) name = name.slice(0, -(variant.length + 1));
    const reordered = CLAUDE_NUMBER_FIRST.exec(name.toLowerCase());
    if (reordered && Number(reordered[1]) >= 4) {
      name = `claude-${reordered[3]}-${reordered[1]}${reordered[2] ? `-${reordered[2]}` : ""}${reordered[4]}`;
    }
    const vendor = normalizeProvider(head);
    const lower = name.toLowerCase();
    if (vendor === "anthropic" && CLAUDE_UNDATED.test(lower) && !DATE_SUFFIX.test(lower)) {
      if (lower.startsWith("claude-3")) return { vendor, model: name, aliases: [`${name}-latest`] };
      if (/-\d+$/.test(lower)) return { vendor, model: name, aliases: [`${name}-0`] };
    }
    return { vendor, model: name };
  }
  if (host === OPENAI_COMPATIBLE) {
    if (head !== undefined && isKnownProviderName(head)) {
      return { vendor: normalizeProvider(head), model: model.slice(slash + 1) };
    }
    return head === undefined ? { vendor: undefined, model } : undefined;
  }
  return undefined;
}
