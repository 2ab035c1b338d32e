import type { CatalogEntry, PriceSet, PricingMode } from "../types.js";

const DECIMAL = /^\d+(?:\.\d+)?$/;
const MAX_DECIMALS = 6;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

// Records keyed by every field of the type: adding a price dimension or an entry field fails type-checking here
// until the check below knows it, so a file is never read with a field silently ignored.
const PRICE_KEYS: Record<keyof PriceSet, "required" | "optional"> = {
  input: "required",
  output: "required",
  cacheRead: "optional",
  cacheWrite: "optional",
  cacheWrite1h: "optional",
  reasoning: "optional",
  inputAudio: "optional",
  outputAudio: "optional",
  inputImage: "optional",
  outputImage: "optional",
};
const ENTRY_KEYS: Record<keyof CatalogEntry, true> = {
  provider: true,
  id: true,
  aliases: true,
  family: true,
  prices: true,
  longContext: true,
  batch: true,
  serviceTiers: true,
  validFrom: true,
  validTo: true,
  sourceUrl: true,
  source: true,
  checkedAt: true,
  note: true,
};
const MODE_KEYS: Record<keyof PricingMode, true> = { prices: true, longContext: true };

/**
 * Checks one entry of a `sightline.prices/v1` file field by field. Throws a `TypeError` whose message starts with
 * `where` (e.g. `entries[3] (openai/gpt-4o)`) and names the field, so the person hosting the file can fix it.
 */
export function checkCatalogEntry(value: unknown, where: string): CatalogEntry {
  const entry = requireRecord(value, where);
  const label =
    typeof entry.provider === "string" && typeof entry.id === "string"
      ? `${where} (${entry.provider}/${entry.id})`
      : where;
  rejectUnknownKeys(entry, ENTRY_KEYS, label);
  for (const field of ["provider", "id", "sourceUrl", "source", "checkedAt"] as const) {
    requireText(entry[field], `${label}: ${field}`);
  }
  for (const field of ["family", "note"] as const) {
    if (entry[field] !== undefined) requireText(entry[field], `${label}: ${field}`);
  }
  for (const field of ["validFrom", "validTo"] as const) {
    const day = entry[field];
    if (day !== undefined && (typeof day !== "string" || !DAY.test(day))) {
      throw new TypeError(`${label}: ${field} must be a date "YYYY-MM-DD", got ${describe(day)}`);
    }
  }
  if (entry.aliases !== undefined) {
    if (!Array.isArray(entry.aliases)) throw new TypeError(`${label}: aliases must be an array of strings`);
    for (const [position, alias] of entry.aliases.entries())
      requireText(alias, `${label}: aliases[${position}]`);
  }
  checkMode(entry, label, false);
  if (entry.batch !== undefined) checkMode(entry.batch, `${label}: batch`, true);
  if (entry.serviceTiers !== undefined) {
    const tiers = requireRecord(entry.serviceTiers, `${label}: serviceTiers`);
    for (const [name, mode] of Object.entries(tiers)) checkMode(mode, `${label}: serviceTiers.${name}`, true);
  }
  return entry as unknown as CatalogEntry;
}

/** Checks a decimal price string: digits, an optional fraction, at most 6 decimals (trailing zeros aside). */
export function checkDecimalPrice(value: unknown, where: string): void {
  if (typeof value !== "string" || !DECIMAL.test(value.trim())) {
    throw new TypeError(`${where} must be a decimal string in USD (e.g. "2.5"), got ${describe(value)}`);
  }
  const fraction = value.trim().split(".")[1]?.replace(/0+$/, "") ?? "";
  if (fraction.length > MAX_DECIMALS) {
    throw new TypeError(`${where} "${value}" has more than ${MAX_DECIMALS} decimal places`);
  }
}

function checkMode(value: unknown, label: string, standalone: boolean): void {
  const mode = requireRecord(value, label);
  if (standalone) rejectUnknownKeys(mode, MODE_KEYS, label);
  checkPriceSet(mode.prices, `${label}: prices`);
  if (mode.longContext === undefined) return;
  if (!Array.isArray(mode.longContext)) throw new TypeError(`${label}: longContext must be an array`);
  mode.longContext.forEach((tierValue, position) => {
    const where = `${label}: longContext[${position}]`;
    const tier = requireRecord(tierValue, where);
    rejectUnknownKeys(tier, { aboveInputTokens: true, prices: true }, where);
    const threshold = tier.aboveInputTokens;
    if (typeof threshold !== "number" || !Number.isSafeInteger(threshold) || threshold <= 0) {
      throw new TypeError(
        `${where}: aboveInputTokens must be a positive whole number of tokens, got ${describe(threshold)}`,
      );
    }
    checkPriceSet(tier.prices, `${where}: prices`);
  });
}

function checkPriceSet(value: unknown, label: string): void {
  const prices = requireRecord(value, label);
  for (const key of Object.keys(prices)) {
    if (!(key in PRICE_KEYS)) {
      throw new TypeError(
        `${label}.${key} is not a price this version of Sightline knows (known: ${Object.keys(PRICE_KEYS).join(", ")}); remove it or upgrade @sightline/pricing`,
      );
    }
  }
  for (const [key, presence] of Object.entries(PRICE_KEYS)) {
    const price = prices[key];
    if (price === undefined && presence === "optional") continue;
    if (price === undefined) throw new TypeError(`${label}.${key} is required`);
    checkDecimalPrice(price, `${label}.${key}`);
  }
}

function rejectUnknownKeys(record: Record<string, unknown>, known: object, label: string): void {
  for (const key of Object.keys(record)) {
    if (!Object.hasOwn(known, key)) {
      throw new TypeError(
        `${label}: unknown field "${key}" (known: ${Object.keys(known).join(", ")}); remove it or upgrade @sightline/pricing`,
      );
    }
  }
}

/** Requires a plain object; arrays and null are refused. */
export function requireRecord(value: unknown, label: string): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new TypeError(`${label} must be an object, got ${describe(value)}`);
  }
  return value as Record<string, unknown>;
}

/** Requires a non-empty string. */
export function requireText(value: unknown, label: string): string {
  if (typeof value !== "string" || value.trim() === "") {
    throw new TypeError(`${label} must be a non-empty string, got ${describe(value)}`);
  }
  return value;
}

/** A short description of a bad value for an error message. */
export function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === "object") return "an object";
  return String(value);
}
