#!/usr/bin/env node
// Rebuilds src/catalog-data.ts from the curated price sources in sources/*.json.
//
//   node scripts/build-catalog.mjs                 write src/catalog-data.ts and src/unit-price-data.ts
//   node scripts/build-catalog.mjs --check         exit 1 if they are out of date
//
// Two layers: the curated sources (sources/*.json, each price checked against the provider's page) and LiteLLM's
// price map (sources/litellm/litellm-prices.json, a pinned facts-only snapshot refreshed by update-catalog.mjs),
// converted by the same code the runtime uses for a LiteLLM file (src/litellm/). A curated entry wins over an
// imported one for the same provider and name; the cross-check test lists where the two disagree.
//
// Prices are decimal strings in USD per 1M tokens. Batch and service-tier prices may be given as a multiplier of the
// list price; they are expanded here with exact decimal arithmetic so the runtime only reads numbers.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const packageRoot = join(dirname(fileURLToPath(import.meta.url)), "..");
const sourcesDirectory = join(packageRoot, "sources");
const outputFile = join(packageRoot, "src", "catalog-data.ts");
const unitOutputFile = join(packageRoot, "src", "unit-price-data.ts");
const UNIT_SOURCE = "unit-prices.json";
const SCALE = 1_000_000n;
// Filled from the TypeScript sources (src/price-fields.ts) before anything is read.
let PRICE_KEYS = [];
const ENTRY_KEYS = new Set([
  "id",
  "aliases",
  "family",
  "prices",
  "longContext",
  "batch",
  "serviceTiers",
  "validFrom",
  "validTo",
  "sourceUrl",
  "source",
  "checkedAt",
  "note",
]);
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const DECIMAL = /^\d+(?:\.\d{1,6})?$/;
const LITELLM_SNAPSHOT = join(sourcesDirectory, "litellm", "litellm-prices.json");
const CONVERTER = join(packageRoot, "src", "litellm", "convert-litellm-map.ts");
const PRICE_FIELDS_MODULE = join(packageRoot, "src", "price-fields.ts");

async function main() {
  const argumentsList = process.argv.slice(2);
  const { entries, units, version, imported } = await loadCatalog();
  const text = renderModule(entries, version, coverageOf(entries, imported));
  const unitText = renderUnitModule(units);
  if (argumentsList.includes("--check")) {
    const current = safeRead(outputFile);
    if (current !== text) fail("src/catalog-data.ts is out of date: run `pnpm build:catalog`.");
    if (safeRead(unitOutputFile) !== unitText)
      fail("src/unit-price-data.ts is out of date: run `pnpm build:catalog`.");
    console.log(`catalog up to date (${entries.length} entries, ${units.length} unit prices, ${version})`);
    return;
  }
  if (safeRead(outputFile) !== text) writeFileSync(outputFile, text);
  if (safeRead(unitOutputFile) !== unitText) writeFileSync(unitOutputFile, unitText);
  console.log(
    `catalog: ${entries.length} entries (${imported.entries} from LiteLLM ${imported.version}, ${imported.shadowed} of its entries priced by curated sources instead), ${units.length} unit prices, version ${version}`,
  );
}

async function loadCatalog() {
  const litellm = await loadLiteLLM();
  const manifest = JSON.parse(readFileSync(join(sourcesDirectory, "catalog.json"), "utf8"));
  const curated = [];
  for (const file of manifest.files) {
    const source = JSON.parse(readFileSync(join(sourcesDirectory, file), "utf8"));
    if (typeof source.provider !== "string") fail(`${file}: missing "provider"`);
    for (const [position, model] of source.models.entries()) {
      curated.push(expandEntry(source.provider, model, `${file}#${position} (${model.id})`));
    }
  }
  checkCollisions(curated);
  const curatedUnits = loadUnitPrices();
  // Curated prices win: an imported entry is dropped when a curated one already answers to its id, after lending
  // the curated entry the prices it does not state (batch, service tiers, long-context tiers, cache, audio, image).
  const importedById = new Map(
    litellm.entries.map((entry) => [`${entry.provider} ${entry.id.toLowerCase()}`, entry]),
  );
  for (const entry of curated) {
    const theirs = importedById.get(`${entry.provider} ${entry.id.toLowerCase()}`);
    if (theirs && entry.validTo === undefined) fillMissingPrices(entry, theirs, litellm.version);
  }
  const claimed = new Set(
    curated.flatMap((entry) =>
      [entry.id, ...(entry.aliases ?? [])].map((name) => `${entry.provider} ${name.toLowerCase()}`),
    ),
  );
  const imported = litellm.entries.filter(
    (entry) => !claimed.has(`${entry.provider} ${entry.id.toLowerCase()}`),
  );
  const unitKey = (unit) => `${unit.provider} ${unit.model.toLowerCase()} ${unit.unit} ${unit.variant ?? ""}`;
  const curatedUnitKeys = new Set(curatedUnits.map(unitKey));
  const units = [
    ...curatedUnits,
    ...litellm.unitPrices.filter((unit) => !curatedUnitKeys.has(unitKey(unit))),
  ];
  const entries = [...curated, ...imported];
  // The version names the catalog date plus a digest, so any price edit changes it.
  const digest = createHash("sha256").update(JSON.stringify({ entries, units })).digest("hex").slice(0, 8);
  return {
    entries,
    units,
    version: `${manifest.catalogDate}.${digest}`,
    imported: {
      entries: imported.length,
      shadowed: litellm.entries.length - imported.length,
      version: litellm.version,
      readAt: litellm.readAt,
      coverage: litellm.coverage,
      importedIds: new Set(imported.map((entry) => `${entry.provider} ${entry.id}`)),
    },
  };
}

/** Adds to a curated entry every price LiteLLM states that the entry leaves out, and notes what was filled. */
function fillMissingPrices(entry, theirs, version) {
  const filled = [];
  fillMode(entry, theirs, "", filled);
  if (theirs.batch) {
    if (!entry.batch) {
      entry.batch = theirs.batch;
      filled.push("batch");
    } else fillMode(entry.batch, theirs.batch, "batch.", filled);
  }
  for (const [name, mode] of Object.entries(theirs.serviceTiers ?? {})) {
    entry.serviceTiers ??= {};
    if (!entry.serviceTiers[name]) {
      entry.serviceTiers[name] = mode;
      filled.push(name);
    } else fillMode(entry.serviceTiers[name], mode, `${name}.`, filled);
  }
  if (filled.length === 0) return;
  const note = `Filled from LiteLLM ${version}: ${filled.join(", ")}.`;
  entry.note = entry.note ? `${entry.note} ${note}` : note;
}

function fillMode(ours, theirs, prefix, filled) {
  for (const key of PRICE_KEYS) {
    if (ours.prices[key] === undefined && theirs.prices[key] !== undefined) {
      ours.prices[key] = theirs.prices[key];
      filled.push(`${prefix}${key}`);
    }
  }
  if (!ours.longContext?.length && theirs.longContext?.length) {
    ours.longContext = theirs.longContext;
    filled.push(`${prefix}long-context tiers`);
  }
}

// The runtime's own converter (TypeScript) is bundled on the fly, so the build and a LiteLLM file loaded at run
// time are read by one piece of code.
async function loadLiteLLM() {
  const snapshot = JSON.parse(readFileSync(LITELLM_SNAPSHOT, "utf8"));
  const bundle = await build({
    stdin: {
      contents: `export { convertLiteLLMMap } from ${JSON.stringify(CONVERTER)};\nexport { PRICE_FIELDS } from ${JSON.stringify(PRICE_FIELDS_MODULE)};`,
      resolveDir: packageRoot,
      loader: "ts",
    },
    bundle: true,
    write: false,
    format: "esm",
    platform: "neutral",
    logLevel: "silent",
  });
  const code = bundle.outputFiles[0].text;
  const { convertLiteLLMMap, PRICE_FIELDS } = await import(
    `data:text/javascript;base64,${Buffer.from(code).toString("base64")}`
  );
  PRICE_KEYS = [...PRICE_FIELDS];
  const conversion = convertLiteLLMMap(snapshot.models, {
    source: `LiteLLM ${snapshot.litellmVersion} price map (${snapshot.origin}), read ${snapshot.readAt}`,
    checkedAt: snapshot.readAt,
  });
  return { ...conversion, version: snapshot.litellmVersion, readAt: snapshot.readAt };
}

// Prices per unit that is not a token (an image, a second of audio, a character, a built-in tool call).
function loadUnitPrices() {
  const text = safeRead(join(sourcesDirectory, UNIT_SOURCE));
  if (text === undefined) return [];
  const source = JSON.parse(text);
  const units = [];
  const seen = new Set();
  for (const [position, item] of source.prices.entries()) {
    const where = `${UNIT_SOURCE}#${position} (${item.model} ${item.unit})`;
    for (const key of ["model", "unit", "sourceUrl", "source", "checkedAt"]) {
      if (typeof item[key] !== "string" || item[key] === "") fail(`${where}: "${key}" is required`);
    }
    if (!ISO_DAY.test(item.checkedAt)) fail(`${where}: "checkedAt" must be YYYY-MM-DD`);
    const per = item.per ?? 1;
    if (!Number.isSafeInteger(per) || per <= 0) fail(`${where}: "per" must be a positive integer`);
    const variants = item.variants ? Object.entries(item.variants) : [[undefined, item.price]];
    for (const [variant, price] of variants) {
      if (typeof price !== "string" || !DECIMAL.test(price)) fail(`${where}: price must be a decimal string`);
      const provider = item.provider ?? source.provider;
      const key = `${provider} ${item.model} ${item.unit} ${variant ?? ""}`;
      if (seen.has(key)) fail(`${where}: duplicate price for ${key}`);
      seen.add(key);
      const unit = { provider, model: item.model, unit: item.unit };
      if (variant !== undefined) unit.variant = variant;
      unit.price = price;
      unit.per = per;
      for (const field of ["sourceUrl", "source", "checkedAt", "note"]) {
        if (item[field] !== undefined) unit[field] = item[field];
      }
      units.push(unit);
    }
  }
  return units;
}

function expandEntry(provider, model, where) {
  for (const key of Object.keys(model)) {
    if (!ENTRY_KEYS.has(key)) fail(`${where}: unknown field "${key}"`);
  }
  for (const key of ["id", "sourceUrl", "source", "checkedAt"]) {
    if (typeof model[key] !== "string" || model[key] === "") fail(`${where}: "${key}" is required`);
  }
  for (const key of ["checkedAt", "validFrom", "validTo"]) {
    if (model[key] !== undefined && !ISO_DAY.test(model[key])) fail(`${where}: "${key}" must be YYYY-MM-DD`);
  }
  const prices = checkPrices(model.prices, where);
  const entry = { provider, id: model.id };
  if (model.aliases?.length) entry.aliases = [...model.aliases];
  if (model.family) entry.family = model.family;
  entry.prices = prices;
  const longContext = model.longContext?.map((tier) => ({
    aboveInputTokens: checkThreshold(tier.aboveInputTokens, where),
    prices: checkPrices(tier.prices, where),
  }));
  if (longContext?.length) entry.longContext = longContext;
  if (model.batch) entry.batch = expandMode(model.batch, { prices, longContext }, `${where} batch`);
  if (model.serviceTiers) {
    entry.serviceTiers = {};
    for (const [name, tier] of Object.entries(model.serviceTiers)) {
      entry.serviceTiers[name] = expandMode(tier, { prices, longContext }, `${where} ${name}`);
    }
  }
  for (const key of ["validFrom", "validTo", "sourceUrl", "source", "checkedAt", "note"]) {
    if (model[key] !== undefined) entry[key] = model[key];
  }
  return entry;
}

function expandMode(spec, standard, where) {
  if (spec.prices) return { prices: checkPrices(spec.prices, where) };
  if (typeof spec.multiplier !== "string" || !DECIMAL.test(spec.multiplier)) {
    fail(`${where}: give "prices" or a decimal-string "multiplier"`);
  }
  const mode = { prices: scalePrices(standard.prices, spec.multiplier, where) };
  if (standard.longContext?.length) {
    mode.longContext = standard.longContext.map((tier) => ({
      aboveInputTokens: tier.aboveInputTokens,
      prices: scalePrices(tier.prices, spec.multiplier, where),
    }));
  }
  return mode;
}

function checkPrices(prices, where) {
  if (!prices || typeof prices !== "object") fail(`${where}: "prices" is required`);
  const result = {};
  for (const key of Object.keys(prices)) {
    if (!PRICE_KEYS.includes(key)) fail(`${where}: unknown price "${key}"`);
  }
  for (const key of PRICE_KEYS) {
    const value = prices[key];
    if (value === undefined) {
      if (key === "input" || key === "output") fail(`${where}: price "${key}" is required`);
      continue;
    }
    if (typeof value !== "string" || !DECIMAL.test(value)) {
      fail(
        `${where}: price "${key}" must be a decimal string with at most 6 decimals, got ${JSON.stringify(value)}`,
      );
    }
    result[key] = value;
  }
  return result;
}

function checkThreshold(value, where) {
  if (!Number.isSafeInteger(value) || value <= 0)
    fail(`${where}: aboveInputTokens must be a positive integer`);
  return value;
}

function scalePrices(prices, multiplier, where) {
  const factor = toScaled(multiplier);
  const result = {};
  for (const [key, value] of Object.entries(prices)) {
    const product = toScaled(value) * factor;
    if (product % SCALE !== 0n) fail(`${where}: ${value} × ${multiplier} needs more than 6 decimals`);
    result[key] = fromScaled(product / SCALE);
  }
  return result;
}

function toScaled(decimal) {
  const [whole, fraction = ""] = decimal.split(".");
  return BigInt(whole) * SCALE + BigInt(fraction.padEnd(6, "0"));
}

function fromScaled(scaled) {
  const whole = scaled / SCALE;
  const fraction = (scaled % SCALE).toString().padStart(6, "0").replace(/0+$/, "");
  return fraction ? `${whole}.${fraction}` : `${whole}`;
}

function checkCollisions(entries) {
  const owners = new Map();
  for (const entry of entries) {
    for (const name of [entry.id, ...(entry.aliases ?? [])]) {
      const key = `${entry.provider} ${name}`;
      const previous = owners.get(key);
      // The same id may appear once per validity window; anything else is ambiguous.
      if (previous && (previous.id !== entry.id || overlaps(previous, entry))) {
        fail(`${entry.provider}: "${name}" is claimed by both ${previous.id} and ${entry.id}`);
      }
      owners.set(key, entry);
    }
  }
}

function overlaps(left, right) {
  const leftEnd = left.validTo ?? "9999-12-31";
  const rightEnd = right.validTo ?? "9999-12-31";
  return (left.validFrom ?? "") < rightEnd && (right.validFrom ?? "") < leftEnd;
}

// ---- output ------------------------------------------------------------------------------------------------

// Per provider: catalog entries by origin, and how many of LiteLLM's models for that provider have a price.
function coverageOf(entries, imported) {
  const rows = new Map();
  const row = (provider) => {
    if (!rows.has(provider)) {
      rows.set(provider, {
        provider,
        curatedEntries: 0,
        importedEntries: 0,
        litellmModels: 0,
        litellmPriced: 0,
      });
    }
    return rows.get(provider);
  };
  for (const entry of entries) {
    if (imported.importedIds.has(`${entry.provider} ${entry.id}`)) row(entry.provider).importedEntries += 1;
    else row(entry.provider).curatedEntries += 1;
  }
  for (const [provider, counts] of Object.entries(imported.coverage)) {
    row(provider).litellmModels = counts.models;
    row(provider).litellmPriced = counts.priced;
  }
  return {
    litellmVersion: imported.version,
    litellmReadAt: imported.readAt,
    providers: [...rows.values()].sort((left, right) => left.provider.localeCompare(right.provider)),
  };
}

function renderModule(entries, version, coverage) {
  const header = [
    "// Generated by scripts/build-catalog.mjs from sources/*.json and sources/litellm/litellm-prices.json. Do not",
    "// edit: change the sources and run `pnpm build:catalog`. Prices are USD per 1M tokens as decimal strings.",
    'import { expandCatalogText } from "./expand-catalog-text.js";',
    'import type { CatalogCoverage, CatalogEntry } from "./types.js";',
    "",
    "/** Version of the bundled price catalog: the catalog date plus a digest of its contents. */",
    `export const PRICING_VERSION = ${JSON.stringify(version)};`,
    "",
    "// About two thousand entries: kept as JSON text and parsed on first use, which loads faster than an object",
    "// literal and costs nothing for an app that never prices a call.",
    "const CATALOG_TEXT =",
    `  ${quoted(compactText(entries))};`,
    "",
    "/** How much of LiteLLM's price map the bundled catalog prices, per provider (computed when it was built). */",
    "export const CATALOG_COVERAGE: CatalogCoverage = JSON.parse(",
    `  ${quoted(JSON.stringify(coverage))},`,
    ");",
    "",
    "let bundledCatalog: readonly CatalogEntry[] | undefined;",
    "",
    "/** The bundled price catalog, parsed on first use. */",
    "export function getBundledCatalog(): readonly CatalogEntry[] {",
    "  bundledCatalog ??= expandCatalogText<CatalogEntry>(CATALOG_TEXT);",
    "  return bundledCatalog;",
    "}",
    "",
  ];
  return header.join("\n");
}

// A single-quoted literal, as biome's formatter writes JSON text (fewer escapes than double quotes).
function quoted(text) {
  return `'${text.replaceAll("\\", "\\\\").replaceAll("'", "\\'")}'`;
}

// Entries share a few provenance triples (sourceUrl, source, checkedAt): stored once and referenced by index.
function compactText(items) {
  const sources = [];
  const sourceIndex = new Map();
  const compact = items.map((item) => {
    const { sourceUrl, source, checkedAt, ...rest } = item;
    const key = JSON.stringify([sourceUrl, source, checkedAt]);
    let index = sourceIndex.get(key);
    if (index === undefined) {
      index = sources.length;
      sources.push([sourceUrl, source, checkedAt]);
      sourceIndex.set(key, index);
    }
    return { ...rest, $: index };
  });
  return asciiOnly(JSON.stringify({ sources, items: compact }));
}

// Characters outside ASCII written as JSON escapes: a single one (an ellipsis in a source note) makes V8 hold the
// whole text at two bytes per character (805 KB instead of 403 KB for the catalog, measured in a heap snapshot).
function asciiOnly(json) {
  return json.replace(/[\u0080-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

function renderUnitModule(units) {
  const header = [
    "// Generated by scripts/build-catalog.mjs from sources/unit-prices.json and sources/litellm/litellm-prices.json.",
    "// Do not edit: change the sources and run `pnpm build:catalog`. Prices are USD per `per` units, as decimal strings.",
    'import { expandCatalogText } from "./expand-catalog-text.js";',
    'import type { UnitPriceEntry } from "./types.js";',
    "",
    "/** The bundled prices of non-token units (images, seconds of audio, characters, built-in tool calls). */",
    "export const UNIT_PRICE_ENTRIES: readonly UnitPriceEntry[] = expandCatalogText<UnitPriceEntry>(",
    `  ${quoted(compactText(units))},`,
    ");",
    "",
  ];
  return header.join("\n");
}

function safeRead(file) {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}

function fail(message) {
  console.error(`build-catalog: ${message}`);
  process.exit(1);
}

main();
