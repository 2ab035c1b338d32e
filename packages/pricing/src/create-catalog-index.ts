import { getFamilyName } from "./get-family-name.js";
import type { CompiledEntry } from "./internal-types.js";
import { normalizeModelName } from "./normalize-model-name.js";
import { normalizeProvider } from "./normalize-provider.js";
import type { MatchKind } from "./types.js";

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

/** Builds the lookup tables once per registry, so a resolution is a few map reads. */
export function createCatalogIndex(entries: readonly CompiledEntry[]): CatalogIndex {
  const byProvider = new Map<string, ProviderIndex>();
  for (const compiled of entries) {
    const provider = normalizeProvider(compiled.entry.provider);
    let index = byProvider.get(provider);
    if (!index) {
      index = { exact: new Map(), alias: new Map(), normalized: new Map(), family: new Map() };
      byProvider.set(provider, index);
    }
    const { id, aliases = [], family } = compiled.entry;
    addTo(index.exact, id, compiled);
    addTo(index.normalized, normalizeModelName(provider, id), compiled);
    for (const alias of aliases) {
      addTo(index.alias, alias, compiled);
      addTo(index.normalized, normalizeModelName(provider, alias), compiled);
    }
    if (family) addTo(index.family, normalizeModelName(provider, family), compiled);
  }
  for (const index of byProvider.values()) {
    for (const table of [index.exact, index.alias, index.normalized, index.family]) {
      for (const list of table.values()) list.sort(newestFirst);
    }
  }

  return {
    providers: [...byProvider.keys()],
    lookup({ provider, model, day }) {
      const index = byProvider.get(provider);
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
