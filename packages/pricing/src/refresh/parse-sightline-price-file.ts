import type { CatalogEntry, UnitPriceEntry } from "../types.js";
import {
  checkCatalogEntry,
  checkDecimalPrice,
  describe,
  requireRecord,
  requireText,
} from "./check-catalog-entry.js";

const FILE_KEYS = new Set(["format", "pricingVersion", "entries", "unitPrices", "partial", "$schema"]);
const UNIT_KEYS = new Set([
  "provider",
  "model",
  "unit",
  "variant",
  "price",
  "per",
  "sourceUrl",
  "source",
  "checkedAt",
  "note",
]);

/** A `sightline.prices/v1` file after its checks, before the bundled catalog fills the gaps. */
export interface ParsedSightlinePriceFile {
  pricingVersion: string;
  entries: CatalogEntry[];
  unitPrices: UnitPriceEntry[];
  partial: boolean;
}

/**
 * Checks a parsed `sightline.prices/v1` document strictly: required fields, decimal strings with at most 6
 * decimals, known price keys, positive thresholds. Throws a `TypeError` naming the entry and the field.
 */
export function parseSightlinePriceFile(document: Record<string, unknown>): ParsedSightlinePriceFile {
  for (const key of Object.keys(document)) {
    if (!FILE_KEYS.has(key)) {
      throw new TypeError(`unknown top-level field "${key}" (known: ${[...FILE_KEYS].join(", ")})`);
    }
  }
  const pricingVersion = requireText(document.pricingVersion, "pricingVersion").trim();
  if (!Array.isArray(document.entries)) {
    throw new TypeError(`entries must be an array of catalog entries, got ${describe(document.entries)}`);
  }
  if (document.partial !== undefined && typeof document.partial !== "boolean") {
    throw new TypeError(`partial must be true or false, got ${describe(document.partial)}`);
  }
  const entries = document.entries.map((entry, position) => checkCatalogEntry(entry, `entries[${position}]`));
  const unitPrices = document.unitPrices === undefined ? [] : checkUnitPrices(document.unitPrices);
  return { pricingVersion, entries, unitPrices, partial: document.partial === true };
}

function checkUnitPrices(value: unknown): UnitPriceEntry[] {
  if (!Array.isArray(value)) throw new TypeError(`unitPrices must be an array, got ${describe(value)}`);
  return value.map((item, position) => {
    const record = requireRecord(item, `unitPrices[${position}]`);
    const label =
      typeof record.provider === "string" && typeof record.model === "string"
        ? `unitPrices[${position}] (${record.provider}/${record.model})`
        : `unitPrices[${position}]`;
    for (const key of Object.keys(record)) {
      if (!UNIT_KEYS.has(key)) {
        throw new TypeError(`${label}: unknown field "${key}" (known: ${[...UNIT_KEYS].join(", ")})`);
      }
    }
    for (const field of ["provider", "model", "unit", "sourceUrl", "source", "checkedAt"] as const) {
      requireText(record[field], `${label}: ${field}`);
    }
    for (const field of ["variant", "note"] as const) {
      if (record[field] !== undefined) requireText(record[field], `${label}: ${field}`);
    }
    checkDecimalPrice(record.price, `${label}: price`);
    const per = record.per;
    if (typeof per !== "number" || !Number.isFinite(per) || per <= 0) {
      throw new TypeError(`${label}: per must be a positive number of units, got ${describe(per)}`);
    }
    return record as unknown as UnitPriceEntry;
  });
}
