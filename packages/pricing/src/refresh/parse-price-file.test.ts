import { describe, expect, it } from "vitest";
import { getBundledCatalog } from "../catalog-data.js";
import { createPriceRegistry } from "../create-price-registry.js";
import { UNIT_PRICE_ENTRIES } from "../unit-price-data.js";
import { parsePriceFile } from "./parse-price-file.js";
import { createOpenAIPriceFile } from "./price-file-fixtures.js";

const FILE_URL = "http://127.0.0.1/prices.json";
const parse = (document: unknown) => parsePriceFile({ body: JSON.stringify(document), url: FILE_URL });

/** A file of the bundled OpenAI entries whose first entry is replaced by `first`. */
function withFirstEntry(first: unknown) {
  const file = createOpenAIPriceFile({ pricingVersion: "t", input: "1", output: "2" });
  return { ...file, entries: [first, ...file.entries.slice(1)] };
}
const GPT_4O = getBundledCatalog().find(
  (entry) => entry.provider === "openai" && entry.id === "gpt-4o" && entry.validTo === undefined,
);

describe("parsePriceFile, sightline.prices/v1", () => {
  it("accepts the whole bundled catalog as a file, and its merge adds nothing twice", async () => {
    const loaded = await parse({
      format: "sightline.prices/v1",
      pricingVersion: "mirror-1",
      entries: getBundledCatalog(),
      unitPrices: UNIT_PRICE_ENTRIES,
    });
    expect(loaded.format).toBe("sightline");
    expect(loaded.pricingVersion).toBe("mirror-1");
    expect(loaded.fileEntries).toBe(getBundledCatalog().length);
    expect(loaded.entries).toHaveLength(getBundledCatalog().length);
    expect(loaded.unitPrices).toHaveLength(UNIT_PRICE_ENTRIES.length);
  });

  it("puts the file's entries over the bundled ones and keeps the other providers", async () => {
    const loaded = await parse(createOpenAIPriceFile({ pricingVersion: "t-2", input: "1", output: "2" }));
    const registry = createPriceRegistry();
    registry.replaceCatalog(loaded);
    const usage = { inputTokens: 1_000_000, outputTokens: 1_000_000 };
    const openai = registry.costOf({ provider: "openai", model: "gpt-4o-2024-08-06", usage });
    expect(openai).toMatchObject({ total: 3, pricingVersion: "t-2", modelId: "gpt-4o" });
    const anthropic = registry.costOf({ provider: "anthropic", model: "claude-3-5-haiku-20241022", usage });
    expect(anthropic?.pricingVersion).toBe("t-2");
    expect(anthropic?.total).toBeGreaterThan(0);
  });

  it("lets a file's id win over a bundled alias of the same name, and keeps the bundled entry's other names", async () => {
    const dated = {
      ...GPT_4O,
      id: "gpt-4o-2024-11-20",
      aliases: undefined,
      prices: { input: "7", output: "7" },
    };
    const loaded = await parse({
      format: "sightline.prices/v1",
      pricingVersion: "t",
      partial: true,
      entries: [dated],
    });
    const registry = createPriceRegistry({ catalog: loaded.entries, pricingVersion: loaded.pricingVersion });
    const usage = { inputTokens: 1_000_000 };
    const patched = registry.costOf({ provider: "openai", model: "gpt-4o-2024-11-20", usage });
    expect(patched).toMatchObject({ total: 7, modelId: "gpt-4o-2024-11-20", match: "exact" });
    const untouched = registry.costOf({ provider: "openai", model: "gpt-4o-2024-08-06", usage });
    expect(untouched).toMatchObject({ total: 2.5, modelId: "gpt-4o", match: "alias" });
  });

  it("lets a file's alias win over a bundled id of the same name", async () => {
    const renamed = {
      ...GPT_4O,
      id: "gpt-4o-renamed",
      aliases: ["gpt-4o-mini"],
      prices: { input: "9", output: "9" },
    };
    const loaded = await parse({
      format: "sightline.prices/v1",
      pricingVersion: "t",
      partial: true,
      entries: [renamed],
    });
    const registry = createPriceRegistry({ catalog: loaded.entries, pricingVersion: loaded.pricingVersion });
    const cost = registry.costOf({
      provider: "openai",
      model: "gpt-4o-mini",
      usage: { inputTokens: 1_000_000 },
    });
    expect(cost).toMatchObject({ total: 9, modelId: "gpt-4o-renamed", match: "alias" });
  });

  it.each([
    [
      { ...GPT_4O, prices: { input: "1.1234567", output: "1" } },
      /entries\[0\] \(openai\/gpt-4o\): prices\.input "1\.1234567" has more than 6 decimal places/,
    ],
    [
      { ...GPT_4O, prices: { input: 2.5, output: "1" } },
      /entries\[0\] \(openai\/gpt-4o\): prices\.input must be a decimal string/,
    ],
    [{ ...GPT_4O, prices: { input: "1" } }, /entries\[0\] \(openai\/gpt-4o\): prices\.output is required/],
    [
      { ...GPT_4O, prices: { input: "1", output: "1", imageOutput: "3" } },
      /prices\.imageOutput is not a price this version of Sightline knows/,
    ],
    [
      { ...GPT_4O, longContext: [{ aboveInputTokens: 0, prices: { input: "1", output: "1" } }] },
      /longContext\[0\]: aboveInputTokens must be a positive whole number/,
    ],
    [
      { ...GPT_4O, serviceTiers: { flex: { prices: { input: "-1", output: "1" } } } },
      /serviceTiers\.flex: prices\.input must be a decimal string/,
    ],
    [
      { ...GPT_4O, sourceUrl: undefined },
      /entries\[0\] \(openai\/gpt-4o\): sourceUrl must be a non-empty string/,
    ],
    [{ ...GPT_4O, validTo: "soon" }, /validTo must be a date "YYYY-MM-DD"/],
    [{ ...GPT_4O, pricez: {} }, /unknown field "pricez"/],
    [{ ...GPT_4O, id: 4 }, /entries\[0\]: id must be a non-empty string, got 4/],
  ])("refuses a bad entry and names it and the field (%#)", async (entry, message) => {
    await expect(parse(withFirstEntry(entry))).rejects.toThrow(message);
  });

  it("refuses a bad unit price, naming it", async () => {
    const file = createOpenAIPriceFile({ pricingVersion: "t", input: "1", output: "2" });
    const unit = { ...UNIT_PRICE_ENTRIES[0], per: 0 };
    await expect(parse({ ...file, unitPrices: [unit] })).rejects.toThrow(
      /unitPrices\[0\] \(.+\): per must be a positive number/,
    );
  });

  it("refuses a partial file, saying both counts, unless it says it is partial", async () => {
    const file = createOpenAIPriceFile({ pricingVersion: "t", input: "1", output: "2" });
    const cut = { ...file, entries: file.entries.slice(0, 2) };
    await expect(parse(cut)).rejects.toThrow(
      /looks partial: 2 current entries for openai, where the bundled catalog has \d+/,
    );
    const loaded = await parse({ ...cut, partial: true });
    expect(loaded.fileEntries).toBe(2);
  });

  it.each([
    ['{"format": "sightline.prices/v1", "entr', /not valid JSON/],
    ["[1, 2]", /a JSON object\), got an array/],
    ["null", /got null/],
    [
      JSON.stringify({ format: "sightline.prices/v2", entries: [] }),
      /format "sightline\.prices\/v2" is not supported/,
    ],
    [
      JSON.stringify({ format: "sightline.prices/v1", pricingVersion: "t", entries: [] }),
      /no usable entries/,
    ],
    [
      JSON.stringify({ format: "sightline.prices/v1", entries: [] }),
      /pricingVersion must be a non-empty string/,
    ],
    [
      JSON.stringify({ format: "sightline.prices/v1", pricingVersion: "t", entries: {} }),
      /entries must be an array/,
    ],
  ])("refuses a broken file: %s", async (body, message) => {
    await expect(parsePriceFile({ body, url: FILE_URL })).rejects.toThrow(message);
  });
});
