import type { CatalogIndex } from "./create-catalog-index.js";
import type { CompiledEntry } from "./internal-types.js";
import { looksLikeBedrockId, normalizeModelName } from "./normalize-model-name.js";
import { isKnownProviderName, normalizeProvider } from "./normalize-provider.js";
import { getFineTunePriceIds } from "./parse-fine-tune-model.js";
import { OPENROUTER, resolveRoutedModel } from "./resolve-routed-model.js";
import type { MatchKind, ResolutionRule, ResolutionStep } from "./types.js";

const AZURE = "azure.ai.openai";
const BEDROCK = "aws.bedrock";
const BEDROCK_ARN = /^arn:aws[a-z-]*:bedrock:/i;
/** Hosts of other vendors' models, which fall back to the vendor's own price when they have none listed. */
const RESELLERS = new Set([BEDROCK, "gcp.vertex_ai"]);
const VENDOR_BY_MODEL_PREFIX: readonly (readonly [string, string])[] = [
  ["claude", "anthropic"],
  ["gemini", "gcp.gemini"],
  ["mistral", "mistral_ai"],
  ["codestral", "mistral_ai"],
  ["deepseek", "deepseek"],
  ["grok", "x_ai"],
];
const FIRST_PARTY_ORDER = ["openai", "anthropic", "gcp.gemini", "mistral_ai", "deepseek", "x_ai", "groq"];

/** A catalog entry and how the model string matched it. */
export interface Resolution {
  compiled: CompiledEntry;
  match: MatchKind;
}

/** What a resolution reads: the catalog, the user's overrides and the deployment maps (all kept live). */
export interface ModelResolverContext {
  index: CatalogIndex;
  findOverride(provider: string | undefined, names: readonly string[]): CompiledEntry | undefined;
  /** Azure deployment name (lower case) → model. */
  azureDeployments: ReadonlyMap<string, string>;
  /** Bedrock ARN or profile id (lower case) → model id. */
  bedrockModels: ReadonlyMap<string, string>;
}

/** One resolution: the model string as reported, its provider and price region, and the call's day. */
export interface ModelResolverInput {
  provider: string | undefined;
  model: string;
  region: string | undefined;
  day: string | undefined;
}

/**
 * Resolves a model string to the catalog entry that prices it, trying candidates in a fixed order and pushing
 * each one onto `steps` when given (for `explainModelResolution`). The order is:
 *
 * 1. **Mapping.** An Azure deployment (`azureDeployments`) or a Bedrock ARN / profile id (`bedrockModels`) is
 *    replaced by the model it serves.
 * 2. **Override.** A user price for the string as reported, as mapped, or normalised (prefix patterns end in `*`).
 * 3. **Fine-tune.** `ft:<base>:<org>:<suffix>:<id>` and Azure `<base>.ft-<hex>` are priced only by a fine-tune
 *    entry: `ft:<base>`, then `ft:<base family>`. Never by the base model, which would undercharge.
 * 4. **Region.** With a region, `<region>/<model>` (e.g. `us-east-1/anthropic.claude-instant-v1`) first.
 * 5. **Catalog.** The provider's catalog: exact id, alias, normalised name, then a declared family. A preview,
 *    experimental or `-latest` id matches only an entry or alias that lists it (`-preview-05-20` is not a date
 *    and never folds); a dated snapshot or a Gemini `-00N` version folds only into an entry whose `family` says
 *    the family shares one price.
 * 6. **Routed.** OpenRouter `vendor/model` at the vendor's list price; an unknown OpenAI-compatible host by the
 *    model's own vendor (weakest match).
 * 7. **Vendor.** A Bedrock or Vertex model the host lists no price for, at the vendor's own price (`family`).
 */
export function createModelResolver(
  context: ModelResolverContext,
): (input: ModelResolverInput, steps?: ResolutionStep[]) => Resolution | undefined {
  return function resolve(input, steps) {
    const reported = input.model.trim();
    if (!reported) return undefined;
    const region = input.region?.trim().toLowerCase() || undefined;
    const day = input.day;
    let provider = input.provider === undefined ? undefined : normalizeProvider(input.provider);
    provider ??= providerFromPrefix(reported) ?? (BEDROCK_ARN.test(reported) ? BEDROCK : undefined);

    let model = reported;
    let viaMapping = false;
    const mapping = findMapping(context, provider, reported);
    if (mapping) {
      steps?.push({ rule: mapping.rule, provider, model: reported, mappedTo: mapping.model });
      model = mapping.model.trim();
      viaMapping = true;
    }

    const names = [reported.toLowerCase(), model.toLowerCase(), normalizeModelName(provider, model)];
    const override = context.findOverride(provider, names);
    if (override) {
      steps?.push({ rule: "override", provider, model, entryId: override.entry.id, match: "override" });
      return { compiled: override, match: "override" };
    }
    steps?.push({ rule: "override", provider, model });

    const candidates = provider !== undefined ? [provider] : inferProviders(model);
    for (const candidate of candidates) {
      const found = lookupHosted({ provider: candidate, model, region, day }, steps);
      if (found) {
        const exactish = found.match === "exact" || found.match === "alias";
        return viaMapping && exactish ? { ...found, match: "alias" } : found;
      }
    }

    const routed = provider !== undefined ? resolveRoutedModel(provider, model) : undefined;
    if (routed) {
      const vendors = routed.vendor !== undefined ? [routed.vendor] : FIRST_PARTY_ORDER;
      for (const vendor of vendors) {
        let found: Resolution | undefined;
        for (const name of [routed.model, ...(routed.aliases ?? [])]) {
          found = lookupHosted({ provider: vendor, model: name, region: undefined, day }, steps, "routed");
          if (found) break;
        }
        if (!found) continue;
        // OpenRouter passes vendor list prices through: as sure as the name match, but never "exact" (the name
        // was rewritten). An unknown host is only assumed to charge list price: the weakest match.
        if (provider !== OPENROUTER) return { compiled: found.compiled, match: "family" };
        const rewritten = found.match === "exact" || found.match === "alias";
        return rewritten ? { ...found, match: "normalized" } : found;
      }
      return undefined;
    }

    const host = provider ?? candidates[0];
    if (host !== undefined && RESELLERS.has(host)) {
      const vendorModel = normalizeModelName(host, model).replace(/^global\./, "");
      const vendor = VENDOR_BY_MODEL_PREFIX.find(([prefix]) => vendorModel.startsWith(prefix))?.[1];
      const found = vendor
        ? lookup({ provider: vendor, model: vendorModel, day }, "vendor", steps)
        : undefined;
      // The host may price differently from the vendor (regional premiums), so flag it as the weakest match.
      if (found) return { compiled: found.compiled, match: "family" };
    }
    return undefined;
  };

  /** Steps 3 to 5 within one provider's catalog. */
  function lookupHosted(
    input: ModelResolverInput & { provider: string },
    steps: ResolutionStep[] | undefined,
    rule: ResolutionRule = "catalog",
  ): Resolution | undefined {
    const { provider, model, region, day } = input;
    const fineTuneIds = getFineTunePriceIds(model);
    if (fineTuneIds) {
      for (const [position, id] of fineTuneIds.entries()) {
        const found = lookup({ provider, model: id, day }, "fine-tune", steps);
        if (!found) continue;
        // `ft:<base>` is the fine-tune price of exactly that base; `ft:<family>` is shared by the family.
        if (position > 0) return { ...found, match: "family" };
        return found.match === "exact" || found.match === "alias" ? { ...found, match: "normalized" } : found;
      }
      return undefined;
    }
    if (region !== undefined) {
      const found = lookup({ provider, model: `${region}/${model}`, day }, "region", steps);
      if (found) return found;
    }
    return lookup({ provider, model, day }, rule, steps);
  }

  function lookup(
    input: { provider: string; model: string; day: string | undefined },
    rule: ResolutionRule,
    steps: ResolutionStep[] | undefined,
  ): Resolution | undefined {
    const found = context.index.lookup(input);
    steps?.push(
      found
        ? {
            rule,
            provider: input.provider,
            model: input.model,
            entryId: found.compiled.entry.id,
            match: found.match,
          }
        : { rule, provider: input.provider, model: input.model },
    );
    return found;
  }
}

function findMapping(
  context: ModelResolverContext,
  provider: string | undefined,
  model: string,
): { rule: ResolutionRule; model: string } | undefined {
  const key = model.toLowerCase();
  if (provider === AZURE) {
    const mapped = context.azureDeployments.get(key);
    return mapped === undefined ? undefined : { rule: "azure-deployment", model: mapped };
  }
  if (provider === BEDROCK) {
    // An ARN may be mapped whole or by the id at its end (`application-inference-profile/abc123` → `abc123`).
    const mapped =
      context.bedrockModels.get(key) ??
      (key.startsWith("arn:") ? context.bedrockModels.get(key.slice(key.lastIndexOf("/") + 1)) : undefined);
    return mapped === undefined ? undefined : { rule: "bedrock-model", model: mapped };
  }
  return undefined;
}

function providerFromPrefix(model: string): string | undefined {
  const slash = model.indexOf("/");
  if (slash < 0) return undefined;
  const head = model.slice(0, slash).toLowerCase();
  return isKnownProviderName(head) ? normalizeProvider(head) : undefined;
}

function inferProviders(model: string): string[] {
  if (looksLikeBedrockId(model)) return [BEDROCK];
  if (model.includes("@")) return ["gcp.vertex_ai"];
  return FIRST_PARTY_ORDER;
}
