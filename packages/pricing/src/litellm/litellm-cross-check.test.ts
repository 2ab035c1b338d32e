import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { createPriceRegistry } from "../create-price-registry.js";
import { parseDecimalRate } from "../parse-decimal-rate.js";
import { compareWithLiteLLM, type LiteLLMDisagreement } from "./compare-with-litellm.js";
import { convertLiteLLMMap } from "./convert-litellm-map.js";

const sources = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "sources", "litellm");
const snapshot = JSON.parse(readFileSync(join(sources, "litellm-prices.json"), "utf8"));
/** A reviewed disagreement: Sightline's figures pinned per field, or a ratio kept to LiteLLM's on every field. */
interface LiteLLMException {
  provider: string;
  models: string[];
  fields?: Record<string, string>;
  ratio?: string;
  why: string;
  sourceUrl: string;
  checkedAt: string;
}
const exceptions: LiteLLMException[] = JSON.parse(
  readFileSync(join(sources, "exceptions.json"), "utf8"),
).exceptions;
const conversion = convertLiteLLMMap(snapshot.models, { source: "snapshot", checkedAt: snapshot.readAt });
const comparison = compareWithLiteLLM(createPriceRegistry(), conversion);

function explains(exception: LiteLLMException, row: LiteLLMDisagreement): boolean {
  if (exception.provider !== row.provider || !exception.models.includes(row.id)) return false;
  if (exception.fields) return exception.fields[row.field] === row.sightline;
  // A ratio holds exactly: Sightline's rate is LiteLLM's times the ratio (micro-dollars per 1M tokens).
  return (
    exception.ratio !== undefined && scaled(row.litellm, exception.ratio) === parseDecimalRate(row.sightline)
  );
}

function scaled(decimal: string, ratio: string): number {
  return Math.round((parseDecimalRate(decimal) * parseDecimalRate(ratio)) / 1_000_000);
}

describe(`the catalog against LiteLLM ${snapshot.litellmVersion} (read ${snapshot.readAt})`, () => {
  it("prices at least 95% of LiteLLM's models for the providers Sightline covers", () => {
    const noPrice = conversion.skipped.filter((skip) => skip.reason === "no price").length;
    const covered = conversion.inScope - noPrice - comparison.unresolved.length;
    expect(covered / conversion.inScope).toBeGreaterThanOrEqual(0.95);
  });

  it("resolves every LiteLLM model that has a token price", () => {
    expect(comparison.unresolved).toEqual([]);
    expect(comparison.resolved).toBe(conversion.entries.length);
  });

  it("agrees on every price to the micro-dollar per 1M tokens, or says why LiteLLM is wrong", () => {
    const unexplained = comparison.disagreements.filter(
      (row) => !exceptions.some((exception) => explains(exception, row)),
    );
    expect(unexplained).toEqual([]);
  });

  it("keeps no exception that no longer applies", () => {
    for (const exception of exceptions) {
      expect(exception.why.length).toBeGreaterThan(40);
      expect(exception.sourceUrl).toMatch(/^https:\/\//);
      expect(exception.checkedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      for (const model of exception.models) {
        const rows = comparison.disagreements.filter(
          (row) => row.provider === exception.provider && row.id === model && explains(exception, row),
        );
        const expected = exception.fields ? Object.keys(exception.fields).length : 1;
        expect(rows.length, `${exception.provider} ${model}`).toBeGreaterThanOrEqual(expected);
      }
    }
  });
});
