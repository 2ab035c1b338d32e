import { getBundledCatalog, PRICING_VERSION } from "./catalog-data.js";
import { compileEntry } from "./compile-entry.js";
import { computeCost } from "./compute-cost.js";
import { createCatalogIndex } from "./create-catalog-index.js";
import { createModelResolver, type Resolution } from "./create-model-resolver.js";
import { createOverrideEntry } from "./create-override-entry.js";
import { createResolutionCache } from "./create-resolution-cache.js";
import { createUnitPriceIndex } from "./create-unit-price-index.js";
import type { CompiledEntry } from "./internal-types.js";
import { normalizeProvider } from "./normalize-provider.js";
import { addUnitsToBreakdown, createUnitOnlyBreakdown, priceUnits } from "./price-units.js";
import type {
  CatalogEntry,
  CatalogReplacement,
  CostBreakdown,
  CostOfInput,
  ModelPriceOverride,
  ModelResolutionReport,
  PriceRegistry,
  PriceRegistryOptions,
  ResolutionStep,
  ResolvedModel,
  ResolveModelInput,
} from "./types.js";
import { UNIT_PRICE_ENTRIES } from "./unit-price-data.js";

const RESOLUTION_CACHE_LIMIT = 2048;

interface CompiledOverride {
  provider: string | undefined;
  pattern: string;
  isPrefix: boolean;
  compiled: CompiledEntry;
}

/**
 * Creates a price registry: the bundled catalog (or `options.catalog`), user overrides that win over it, and the
 * Azure deployment and Bedrock ARN maps. How a model string resolves is written down in `create-model-resolver.ts`
 * and `docs/cost.md`. Registries are independent; the package-level functions use a shared default one.
 *
 * @example
 * const registry = createPriceRegistry({ azureDeployments: { "prod-chat": "gpt-4o-2024-11-20" } });
 * registry.costOf({ provider: "azure.ai.openai", model: "prod-chat", usage: { inputTokens: 1200, outputTokens: 300 } });
 */
export function createPriceRegistry(options: PriceRegistryOptions = {}): PriceRegistry {
  // `let`: replaceCatalog() swaps all four together, in one synchronous step.
  let pricingVersion = options.pricingVersion ?? PRICING_VERSION;
  let catalog = options.catalog ?? getBundledCatalog();
  let index = createCatalogIndex(catalog, pricingVersion);
  let unitIndex = createUnitPriceIndex(options.unitPrices ?? UNIT_PRICE_ENTRIES);
  const overrides: CompiledOverride[] = [];
  const azureDeployments = new Map<string, string>();
  const bedrockModels = new Map<string, string>();
  // Model strings repeat endlessly in production, so memoise resolutions; cleared whenever prices change.
  const resolutionCache = createResolutionCache<Resolution>(RESOLUTION_CACHE_LIMIT);
  let resolve = createModelResolver({ index, findOverride, azureDeployments, bedrockModels });

  for (const [deployment, model] of Object.entries(options.azureDeployments ?? {})) {
    azureDeployments.set(deployment.trim().toLowerCase(), model);
  }
  for (const [idOrArn, model] of Object.entries(options.bedrockModels ?? {})) {
    bedrockModels.set(idOrArn.trim().toLowerCase(), model);
  }
  for (const override of options.overrides ?? []) addOverride(override);

  function addOverride(override: ModelPriceOverride): void {
    const provider = override.provider === undefined ? undefined : normalizeProvider(override.provider);
    const raw = override.model.trim().toLowerCase();
    const isPrefix = raw.endsWith("*");
    const pattern = isPrefix ? raw.slice(0, -1) : raw;
    const compiled = compileEntry(createOverrideEntry(override), "override");
    overrides.unshift({ provider, pattern, isPrefix, compiled });
    resolutionCache.clear();
  }

  function findOverride(provider: string | undefined, names: readonly string[]): CompiledEntry | undefined {
    for (const override of overrides) {
      if (override.provider !== undefined && override.provider !== provider) continue;
      const hit = names.some((name) =>
        override.isPrefix ? name.startsWith(override.pattern) : name === override.pattern,
      );
      if (hit) return override.compiled;
    }
    return undefined;
  }

  function resolveCompiled(input: ResolveModelInput): Resolution | undefined {
    const day = toDay(input.at);
    const region = input.region?.trim().toLowerCase() || undefined;
    // Prices of a given day are not cached: only the current prices are asked for on every call.
    if (day === undefined) {
      const cached = resolutionCache.get(input.provider ?? "", region ?? "", input.model);
      if (cached !== undefined) return cached ?? undefined;
    }
    const result = resolve({ provider: input.provider, model: input.model, region, day });
    if (day === undefined)
      resolutionCache.set(input.provider ?? "", region ?? "", input.model, result ?? null);
    return result;
  }

  return {
    get pricingVersion() {
      return pricingVersion;
    },
    resolveModel(input: ResolveModelInput): ResolvedModel | undefined {
      const found = resolveCompiled(input);
      return found ? { entry: found.compiled.entry, match: found.match } : undefined;
    },
    costOf(input: CostOfInput): CostBreakdown | undefined {
      const found = resolveCompiled(input);
      const units = input.units?.length
        ? priceUnits({ index: unitIndex, provider: input.provider, model: input.model, units: input.units })
        : undefined;
      if (!found) {
        // Billed only by units (whisper-1, dall-e-3, tts-1): priced when no tokens were reported that we cannot price.
        if (!units || units.priced === 0 || hasTokens(input.usage)) return undefined;
        return createUnitOnlyBreakdown({
          units,
          provider: normalizeProvider(input.provider),
          model: input.model,
          pricingVersion,
        });
      }
      // Units alone were reported and none has a price (gpt-4o-mini-tts bills audio tokens the API does not
      // report): a zero from the token prices would be a wrong cost, so the call stays unpriced.
      if (units && units.priced === 0 && !hasTokens(input.usage)) return undefined;
      const breakdown = computeCost({
        compiled: found.compiled,
        match: found.match,
        usage: input.usage,
        serviceTier: input.serviceTier,
        batch: input.batch,
      });
      return units ? addUnitsToBreakdown(breakdown, units) : breakdown;
    },
    registerModelPrice: addOverride,
    registerAzureDeployment(deployment: string, model: string): void {
      azureDeployments.set(deployment.trim().toLowerCase(), model);
      resolutionCache.clear();
    },
    replaceCatalog(replacement: CatalogReplacement): void {
      // Everything is built before anything is swapped: a bad entry throws here and leaves the old prices in place.
      const nextIndex = createCatalogIndex(replacement.entries, replacement.pricingVersion, { eager: true });
      const nextUnitIndex = createUnitPriceIndex(replacement.unitPrices ?? UNIT_PRICE_ENTRIES);
      // Costing is synchronous, so a call sees either all of the old state or all of the new one.
      pricingVersion = replacement.pricingVersion;
      catalog = replacement.entries;
      index = nextIndex;
      resolve = createModelResolver({ index, findOverride, azureDeployments, bedrockModels });
      unitIndex = nextUnitIndex;
      resolutionCache.clear();
    },
    registerBedrockModel(idOrArn: string, model: string): void {
      bedrockModels.set(idOrArn.trim().toLowerCase(), model);
      resolutionCache.clear();
    },
    explainModelResolution(input: ResolveModelInput): ModelResolutionReport {
      const steps: ResolutionStep[] = [];
      const region = input.region?.trim().toLowerCase() || undefined;
      const found = resolve(
        { provider: input.provider, model: input.model, region, day: toDay(input.at) },
        steps,
      );
      return { steps, resolved: found ? { entry: found.compiled.entry, match: found.match } : undefined };
    },
    listModels(provider?: string): CatalogEntry[] {
      const wanted = provider === undefined ? undefined : normalizeProvider(provider);
      return catalog.filter(
        (entry) =>
          (wanted === undefined || normalizeProvider(entry.provider) === wanted) &&
          entry.validTo === undefined,
      );
    },
  };
}

function hasTokens(usage: CostOfInput["usage"]): boolean {
  return (usage.inputTokens ?? 0) > 0 || (usage.outputTokens ?? 0) > 0;
}

function toDay(at: Date | string | undefined): string | undefined {
  if (at === undefined) return undefined;
  const date = typeof at === "string" ? new Date(at) : at;
  if (Number.isNaN(date.getTime())) return undefined;
  return date.toISOString().slice(0, 10);
}
