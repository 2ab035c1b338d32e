import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import {
  CATALOG_COVERAGE,
  type CatalogCoverage,
  compareWithLiteLLM,
  convertLiteLLMMap,
  getDefaultPriceRegistry,
  type LiteLLMComparison,
  type PriceRegistry,
  UNIT_PRICE_ENTRIES,
} from "@sightline/pricing";
import type { CommandContext } from "./command-context.js";

const CATALOG_HELP = `sightline cost catalog — what the bundled price catalog covers

Usage:
  sightline cost catalog                  coverage per provider, against LiteLLM's price map
  sightline cost catalog --json           the catalog as a sightline.prices/v1 file (to host for prices.url)
  sightline cost catalog --compare FILE   price every model of a LiteLLM map (model_prices_and_context_window.json)
                                          with this catalog and list where they differ; exit 1 if they do

Options:
  -h, --help             this help
`;

/** `sightline cost catalog`: coverage per provider, the catalog as a hostable file, or a check against LiteLLM. */
export function runCostCatalogCommand(
  options: CommandContext & { args: string[]; registry?: PriceRegistry; coverage?: CatalogCoverage },
): number {
  const { write, writeError } = options;
  const registry = options.registry ?? getDefaultPriceRegistry();
  let values: { json?: boolean; compare?: string; help?: boolean };
  try {
    values = parseArgs({
      args: options.args,
      strict: true,
      options: {
        json: { type: "boolean" },
        compare: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    }).values;
  } catch (error) {
    writeError(`sightline cost catalog: ${(error as Error).message}; see sightline cost catalog --help\n`);
    return 2;
  }
  if (values.help) {
    write(CATALOG_HELP);
    return 0;
  }
  if (values.json) {
    const file = {
      format: "sightline.prices/v1",
      pricingVersion: registry.pricingVersion,
      entries: registry.listModels(),
      unitPrices: UNIT_PRICE_ENTRIES,
    };
    write(`${JSON.stringify(file, null, 2)}\n`);
    return 0;
  }
  if (values.compare !== undefined) {
    const path = resolve(options.cwd, values.compare);
    let comparison: LiteLLMComparison;
    let inScope: number;
    try {
      const map: unknown = JSON.parse(readFileSync(path, "utf8"));
      const conversion = convertLiteLLMMap(map, {
        source: path,
        checkedAt: new Date().toISOString().slice(0, 10),
      });
      inScope = conversion.inScope;
      comparison = compareWithLiteLLM(registry, conversion);
    } catch (error) {
      writeError(`sightline cost catalog: cannot compare with ${path}: ${(error as Error).message}\n`);
      return 2;
    }
    write(formatComparison(comparison, inScope, registry.pricingVersion));
    return comparison.disagreements.length > 0 || comparison.unresolved.length > 0 ? 1 : 0;
  }
  write(formatCoverage(options.coverage ?? CATALOG_COVERAGE, registry.pricingVersion));
  return 0;
}

function formatCoverage(coverage: CatalogCoverage, pricingVersion: string): string {
  const header = [
    "provider",
    "entries",
    "checked by hand",
    "from LiteLLM",
    "LiteLLM models",
    "priced",
    "coverage",
  ];
  const percent = (priced: number, models: number) =>
    models === 0 ? "-" : `${((100 * priced) / models).toFixed(1)}%`;
  const rows = coverage.providers.map((row) => [
    row.provider,
    String(row.curatedEntries + row.importedEntries),
    String(row.curatedEntries),
    String(row.importedEntries),
    String(row.litellmModels),
    String(row.litellmPriced),
    percent(row.litellmPriced, row.litellmModels),
  ]);
  const sum = (pick: (row: CatalogCoverage["providers"][number]) => number) =>
    coverage.providers.reduce((total, row) => total + pick(row), 0);
  const models = sum((row) => row.litellmModels);
  const priced = sum((row) => row.litellmPriced);
  rows.push([
    "all",
    String(sum((row) => row.curatedEntries + row.importedEntries)),
    String(sum((row) => row.curatedEntries)),
    String(sum((row) => row.importedEntries)),
    String(models),
    String(priced),
    percent(priced, models),
  ]);
  return `${formatTable(header, rows)}\ncatalog ${pricingVersion}; coverage against LiteLLM ${coverage.litellmVersion} (read ${coverage.litellmReadAt}): its chat, embedding, image, audio and rerank models for these providers\n`;
}

function formatComparison(comparison: LiteLLMComparison, inScope: number, pricingVersion: string): string {
  const lines = [
    `${inScope} models in scope; ${comparison.resolved} with token prices resolve, ${comparison.unresolved.length} do not; ${comparison.disagreements.length} prices differ (USD per 1M tokens)`,
  ];
  for (const missing of comparison.unresolved) lines.push(`  unpriced  ${missing.provider}  ${missing.id}`);
  if (comparison.disagreements.length > 0) {
    lines.push(
      formatTable(
        ["provider", "model", "priced as", "price", "sightline", "litellm"],
        comparison.disagreements.map((row) => [
          row.provider,
          row.id,
          row.modelId,
          row.field,
          row.sightline,
          row.litellm,
        ]),
      ),
    );
  }
  lines.push(`catalog ${pricingVersion}`);
  return `${lines.join("\n")}\n`;
}

function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? "").length)),
  );
  return [header, ...rows]
    .map((row) =>
      row
        .map((cell, column) => cell.padEnd(widths[column] ?? 0))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}
