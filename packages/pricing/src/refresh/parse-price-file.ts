import { getBundledCatalog } from "../catalog-data.js";
import { convertLiteLLMMap } from "../litellm/convert-litellm-map.js";
import type { CatalogEntry, UnitPriceEntry } from "../types.js";
import { UNIT_PRICE_ENTRIES } from "../unit-price-data.js";
import { describe } from "./check-catalog-entry.js";
import { checkPriceFileCoverage } from "./check-price-file-coverage.js";
import { mergeOverBundled } from "./merge-over-bundled.js";
import { parseSightlinePriceFile } from "./parse-sightline-price-file.js";
import type { LoadedPriceFile } from "./types.js";

const SIGHTLINE_FORMAT = "sightline.prices/v1";

/**
 * Reads a fetched price file: Sightline's `sightline.prices/v1`, or LiteLLM's price map as is (an object of model
 * names without a `format` field). Checks it, refuses a file with no usable entry or a partial one (see
 * `checkPriceFileCoverage`), and merges it over the bundled catalog. Throws a `TypeError` saying what is wrong.
 */
export async function parsePriceFile(input: {
  body: string;
  /** Where the file came from, recorded as the `source` of LiteLLM entries. */
  url: string;
  /** Catalog the file is merged over and compared with. Default: the bundled one. */
  bundledEntries?: readonly CatalogEntry[];
  /** Unit prices the file's are merged over. Default: the bundled ones. */
  bundledUnitPrices?: readonly UnitPriceEntry[];
}): Promise<LoadedPriceFile> {
  const bundledEntries = input.bundledEntries ?? getBundledCatalog();
  let document: unknown;
  try {
    document = JSON.parse(input.body);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new TypeError(
      `the body is not valid JSON (${input.body.length} characters; cut short?): ${reason}`,
    );
  }
  if (typeof document !== "object" || document === null || Array.isArray(document)) {
    throw new TypeError(
      `expected a "${SIGHTLINE_FORMAT}" file or LiteLLM's price map (a JSON object), got ${describe(document)}`,
    );
  }
  const record = document as Record<string, unknown>;
  let parsed: {
    format: LoadedPriceFile["format"];
    pricingVersion: string;
    entries: CatalogEntry[];
    unitPrices: UnitPriceEntry[];
    partial: boolean;
    skipped: number;
  };
  if ("format" in record) {
    if (record.format !== SIGHTLINE_FORMAT) {
      throw new TypeError(`format ${describe(record.format)} is not supported; use "${SIGHTLINE_FORMAT}"`);
    }
    parsed = { format: "sightline", skipped: 0, ...parseSightlinePriceFile(record) };
  } else {
    parsed = await readLiteLLMMap(record, input);
  }
  if (parsed.entries.length === 0) {
    throw new TypeError(
      `the file has no usable entries${parsed.skipped > 0 ? ` (${parsed.skipped} skipped)` : ""}`,
    );
  }
  if (!parsed.partial) checkPriceFileCoverage({ entries: parsed.entries, bundledEntries });
  const merged = mergeOverBundled({
    entries: parsed.entries,
    unitPrices: parsed.unitPrices,
    bundledEntries,
    bundledUnitPrices: input.bundledUnitPrices ?? UNIT_PRICE_ENTRIES,
  });
  return {
    format: parsed.format,
    pricingVersion: parsed.pricingVersion,
    entries: merged.entries,
    unitPrices: merged.unitPrices,
    fileEntries: parsed.entries.length,
    skipped: parsed.skipped,
  };
}

/** LiteLLM's map, converted as the catalog build does; its version is a digest of the body, so it changes with it. */
async function readLiteLLMMap(map: Record<string, unknown>, input: { body: string; url: string }) {
  const conversion = convertLiteLLMMap(map, {
    source: `LiteLLM price map from ${input.url}`,
    checkedAt: new Date().toISOString().slice(0, 10),
  });
  return {
    format: "litellm" as const,
    pricingVersion: `litellm:${await digestPrefix(input.body)}`,
    entries: conversion.entries,
    unitPrices: conversion.unitPrices,
    partial: false,
    skipped: conversion.skipped.length,
  };
}

/** First 8 hex digits of the SHA-256 of `text`, through Web Crypto (Node 20+, Bun, Deno, edge runtimes). */
async function digestPrefix(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest).subarray(0, 4)]
    .map((byte) => byte.toString(16).padStart(2, "0"))
    .join("");
}
