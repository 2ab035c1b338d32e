#!/usr/bin/env node
// Rebuilds src/catalog-data.ts from the curated price sources in sources/*.json.
//
//   node scripts/build-catalog.mjs                 write src/catalog-data.ts
//   node scripts/build-catalog.mjs --check         exit 1 if src/catalog-data.ts is out of date
//   node scripts/build-catalog.mjs --compare FILE  list where FILE (a LiteLLM-style price JSON) disagrees with us
//
// Prices are decimal strings in USD per 1M tokens. Batch and service-tier prices may be given as a multiplier of the
// list price; they are expanded here with exact decimal arithmetic so the runtime only reads numbers.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const packageRoot = join(dirname(fileURLToPath(import.meta.url)), "..");
const sourcesDirectory = join(packageRoot, "sources");
const outputFile = join(packageRoot, "src", "catalog-data.ts");
const unitOutputFile = join(packageRoot, "src", "unit-price-data.ts");
const UNIT_SOURCE = "unit-prices.json";
const SCALE = 1_000_000n;
const PRICE_KEYS = [
  "input",
  "output",
  "cacheRead",
  "cacheWrite",
  "cacheWrite1h",
  "reasoning",
  "inputAudio",
  "outputAudio",
  "inputImage",
  "outputImage",
];
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
const DISAGREEMENT_THRESHOLD = 0.01;

function main() {
  const argumentsList = process.argv.slice(2);
  const { entries, units, version } = loadCatalog();
  const compareIndex = argumentsList.indexOf("--compare");
  if (compareIndex >= 0) {
    const file = argumentsList[compareIndex + 1];
    if (!file) fail("--compare needs a file path");
    const disagreements = compareWith(entries, JSON.parse(readFileSync(file, "utf8")));
    process.exitCode = disagreements > 0 ? 2 : 0;
    return;
  }
  const text = renderModule(entries, version);
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
  console.log(`catalog: ${entries.length} entries, ${units.length} unit prices, version ${version}`);
}

function loadCatalog() {
  const manifest = JSON.parse(readFileSync(join(sourcesDirectory, "catalog.json"), "utf8"));
  const entries = [];
  for (const file of manifest.files) {
    const source = JSON.parse(readFileSync(join(sourcesDirectory, file), "utf8"));
    if (typeof source.provider !== "string") fail(`${file}: missing "provider"`);
    for (const [position, model] of source.models.entries()) {
      entries.push(expandEntry(source.provider, model, `${file}#${position} (${model.id})`));
    }
  }
  checkCollisions(entries);
  const units = loadUnitPrices();
  // The version names the catalog date plus a digest, so any price edit changes it.
  const digest = createHash("sha256")
    .update(JSON.stringify(units.length ? { entries, units } : entries))
    .digest("hex")
    .slice(0, 8);
  return { entries, units, version: `${manifest.catalogDate}.${digest}` };
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

// ---- --compare -------------------------------------------------------------------------------------------

const LITELLM_PREFIX = {
  openai: ["", "openai/"],
  anthropic: ["", "anthropic/"],
  "aws.bedrock": ["", "bedrock/"],
  "gcp.gemini": ["gemini/", ""],
  "azure.ai.openai": ["azure/"],
  mistral_ai: ["mistral/"],
  deepseek: ["deepseek/"],
  x_ai: ["xai/"],
  groq: ["groq/"],
};
const BASE_FIELDS = [
  ["input", "input_cost_per_token"],
  ["output", "output_cost_per_token"],
  ["cacheRead", "cache_read_input_token_cost"],
  ["cacheWrite", "cache_creation_input_token_cost"],
  ["cacheWrite1h", "cache_creation_input_token_cost_above_1hr"],
  ["inputAudio", "input_cost_per_audio_token"],
];

// LiteLLM's key grammar is <base>[_above_<N>k_tokens][_<tier>] plus *_batches; pair each with our field.
function litellmComparisons(entry) {
  const pairs = BASE_FIELDS.map(([field, key]) => [field, entry.prices[field], key]);
  for (const tier of entry.longContext ?? []) {
    const suffix = `_above_${tier.aboveInputTokens / 1000}k_tokens`;
    for (const [field, key] of BASE_FIELDS)
      pairs.push([`${field}>${tier.aboveInputTokens}`, tier.prices[field], key + suffix]);
  }
  if (entry.batch) {
    pairs.push(["batch.input", entry.batch.prices.input, "input_cost_per_token_batches"]);
    pairs.push(["batch.output", entry.batch.prices.output, "output_cost_per_token_batches"]);
  }
  for (const [name, mode] of Object.entries(entry.serviceTiers ?? {})) {
    pairs.push([`${name}.input`, mode.prices.input, `input_cost_per_token_${name}`]);
    pairs.push([`${name}.output`, mode.prices.output, `output_cost_per_token_${name}`]);
  }
  return pairs;
}

function compareWith(entries, other) {
  let disagreements = 0;
  let missing = 0;
  let compared = 0;
  const rows = [];
  for (const entry of entries) {
    if (entry.validTo !== undefined) continue;
    const names = [entry.id, ...(entry.aliases ?? [])];
    const prefixes = LITELLM_PREFIX[entry.provider] ?? [""];
    const key = prefixes.flatMap((prefix) => names.map((name) => prefix + name)).find((name) => other[name]);
    if (!key) {
      missing += 1;
      continue;
    }
    compared += 1;
    const theirs = other[key];
    for (const [ourField, ours, theirField] of litellmComparisons(entry)) {
      const perToken = theirs[theirField];
      if (ours === undefined || typeof perToken !== "number") continue;
      const theirsPerMillion = perToken * 1e6;
      const oursNumber = Number(ours);
      const relative = Math.abs(theirsPerMillion - oursNumber) / Math.max(oursNumber, 1e-12);
      if (relative > DISAGREEMENT_THRESHOLD) {
        disagreements += 1;
        rows.push(
          `${entry.provider.padEnd(16)} ${entry.id.padEnd(48)} ${ourField.padEnd(12)} ours ${ours.padStart(8)}  theirs ${formatPerMillion(theirsPerMillion).padStart(8)}  (${key}; ours from ${entry.source}, checked ${entry.checkedAt})`,
        );
      }
    }
  }
  console.log(
    `compared ${compared} entries; ${missing} not found in the other file; ${disagreements} disagreements (>1%)`,
  );
  for (const row of rows) console.log(row);
  if (disagreements > 0) {
    console.log(
      "\nSettle each line by checking the provider page, then edit sources/*.json and rerun build:catalog.",
    );
  }
  return disagreements;
}

function formatPerMillion(value) {
  return String(Math.round(value * 1e6) / 1e6);
}

// ---- output ------------------------------------------------------------------------------------------------

function renderModule(entries, version) {
  const header = [
    "// Generated by scripts/build-catalog.mjs from sources/*.json. Do not edit: change the sources and run",
    "// `pnpm build:catalog`. Prices are USD per 1M tokens as decimal strings.",
    'import type { CatalogEntry } from "./types.js";',
    "",
    "/** Version of the bundled price catalog: the catalog date plus a digest of its contents. */",
    `export const PRICING_VERSION = ${JSON.stringify(version)};`,
    "",
    "/** The bundled price catalog. */",
    `export const CATALOG_ENTRIES: readonly CatalogEntry[] = ${renderValue(entries, 0, "export const CATALOG_ENTRIES: readonly CatalogEntry[] = ".length)};`,
    "",
  ];
  return header.join("\n");
}

// Emits the layout biome's formatter settles on (objects expanded, scalar arrays inline when they fit), so that
// `biome check` stays clean on the generated file.
function renderValue(value, indent, column) {
  if (Array.isArray(value)) {
    const inline = `[${value.map((item) => renderValue(item, indent, 0)).join(", ")}]`;
    const scalars = value.every((item) => typeof item !== "object");
    if (scalars && column + inline.length + 1 <= 110) return inline;
    if (value.length === 0) return "[]";
    const inner = " ".repeat(indent + 2);
    const items = value.map((item) => `${inner}${renderValue(item, indent + 2, inner.length)},`);
    return `[\n${items.join("\n")}\n${" ".repeat(indent)}]`;
  }
  if (value !== null && typeof value === "object") {
    const inner = " ".repeat(indent + 2);
    const lines = Object.entries(value).map(([key, item]) => {
      const name = /^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key);
      const prefix = `${inner}${name}: `;
      const rendered = renderValue(item, indent + 2, prefix.length);
      // A scalar too long for the line moves to its own line, as the formatter does, except after short keys.
      const shortKey = name.length < 5;
      if (typeof item !== "object" && !shortKey && prefix.length + rendered.length + 1 > 110) {
        return `${inner}${name}:\n${inner}  ${rendered},`;
      }
      return `${prefix}${rendered},`;
    });
    return `{\n${lines.join("\n")}\n${" ".repeat(indent)}}`;
  }
  return JSON.stringify(value);
}

function renderUnitModule(units) {
  const header = [
    "// Generated by scripts/build-catalog.mjs from sources/unit-prices.json. Do not edit: change the source and run",
    "// `pnpm build:catalog`. Prices are USD per `per` units, as decimal strings.",
    'import type { UnitPriceEntry } from "./types.js";',
    "",
    "/** The bundled prices of non-token units (images, seconds of audio, characters, built-in tool calls). */",
    `export const UNIT_PRICE_ENTRIES: readonly UnitPriceEntry[] = ${renderValue(units, 0, "export const UNIT_PRICE_ENTRIES: readonly UnitPriceEntry[] = ".length)};`,
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
