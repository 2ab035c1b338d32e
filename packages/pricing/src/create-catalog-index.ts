import { compileEntry } from "./compile-entry.js";
import { getFamilyName } from "./get-family-name.js";
import type { CompiledEntry } from "./internal-types.js";
import { normalizeModelName } from "./normalize-model-name.js";
import { normalizeProvider } from "./normalize-provider.js";
import type { CatalogEntry, MatchKind } from "./types.js";

/** Lookup tables of one provider; each key holds every dated version of a model, newest first. */
interface ProviderIndex {
  exact: Map<string, CompiledEntry[]>;
  alias: Map<string, CompiledEntry[]>;
  normalized: Map<string, CompiledEntry[]>;
  family: Map<string, CompiledEntry[]>;
}

/** A catalog lookup for one provider and model string. */
export interface CatalogLookupInput {
  provider: string;
  model: string;
  /** ISO date (`YYYY-MM-DD`) of the call, or undefined for the current price. */
  day: string | undefined;
}

/** Indexed catalog: exact ids, aliases, normalised names and families per provider. */
export interface CatalogIndex {
  providers: readonly string[];
  lookup(input: CatalogLookupInput): { compiled: CompiledEntry; match: MatchKind } | undefined;
}

/**
 * Indexes a catalog for lookups. The bundled catalog holds about two thousand entries across fifteen providers, and
 * a process usually prices one or two of them, so each provider's entries are compiled and indexed on its first
 * lookup (a few hundred microseconds), not all at start. `eager` builds everything now, so that a bad entry
 * throws here (used when swapping in a fetched catalog).
 */
export function createCatalogIndex(
  entries: readonly CatalogEntry[],
  pricingVersion: string,
  options: { eager?: boolean } = {},
): CatalogIndex {
  const pending = new Map<string, CatalogEntry[]>();
  for (const entry of entries) {
    const provider = normalizeProvider(entry.provider);
    const list = pending.get(provider);
    if (list) list.push(entry);
    else pending.set(provider, [entry]);
  }
  const byProvider = new Map<string, ProviderIndex>();
  const indexFor = (provider: string): ProviderIndex | undefined => {
    const built = byProvider.get(provider);
    if (built) return built;
    const list = pending.get(provider);
    if (!list) return undefined;
    const index = buildProviderIndex(
      provider,
      list.map((entry) => compileEntry(entry, pricingVersion)),
    );
    byProvider.set(provider, index);
    pending.delete(provider);
    return index;
  };
  const providers = [...pending.keys()];
  if (options.eager) for (const provider of providers) indexFor(provider);

  return {
    providers,
    lookup({ provider, model, day }) {
      const index = indexFor(provider);
      if (!index) return undefined;
      const trimmed = model.trim();
      const exact = pickForDay(index.exact.get(trimmed), day);
      if (exact) return { compiled: exact, match: "exact" };
      const alias = pickForDay(index.alias.get(trimmed), day);
      if (alias) return { compiled: alias, match: "alias" };
      const normalizedName = normalizeModelName(provider, trimmed);
      const normalized = pickForDay(index.normalized.get(normalizedName), day);
      if (normalized) return { compiled: normalized, match: "normalized" };
      const familyName = getFamilyName(normalizedName) ?? normalizedName;
      const family = pickForDay(index.family.get(familyName), day);
      if (family) return { compiled: family, match: "family" };
      return undefined;
    },
  };
}

function buildProviderIndex(provider: string, entries: readonly CompiledEntry[]): ProviderIndex {
  const index: ProviderIndex = {
    exact: new Map(),
    alias: new Map(),
    normalized: new Map(),
    family: new Map(),
  };
  for (const compiled of entries) {
    const { id, aliases = [], family } = compiled.entry;
    addTo(index.exact, id, compiled);
    addTo(index.normalized, normalizeModelName(provider, id), compiled);
    for (const alias of aliases) {
      addTo(index.alias, alias, compiled);
      addTo(index.normalized, normalizeModelName(provider, alias), compiled);
    }
    if (family) addTo(index.family, normalizeModelName(provider, family), compiled);
  }
  for (const table of [index.exact, index.alias, index.normalized, index.family]) {
    for (const list of table.values()) list.sort(newestFirst);
  }
  return index;
}

function addTo(table: Map<string, CompiledEntry[]>, key: string, compiled: CompiledEntry): void {
  const list = table.get(key);
  if (list) {
    if (!list.includes(compiled)) list.push(compiled);
  } else {
    table.set(key, [compiled]);
  }
}

function newestFirst(left: CompiledEntry, right: CompiledEntry): number {
  const leftFrom = left.entry.validFrom ?? "";
  const rightFrom = right.entry.validFrom ?? "";
  return leftFrom < rightFrom ? 1 : leftFrom > rightFrom ? -1 : 0;
}

function pickForDay(list: CompiledEntry[] | undefined, day: string | undefined): CompiledEntry | undefined {
  if (!list) return undefined;
  if (day === undefined) return list[0];
  return list.find(
    ({ entry }) => (entry.validFrom ?? "") <= day && (entry.validTo === undefined || day < entry.validTo),
  );
}
