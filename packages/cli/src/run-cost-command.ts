import { parseArgs } from "node:util";
import { type CostBreakdown, getDefaultPriceRegistry, type PriceRegistry } from "@sightline/pricing";
import { checkPricingMode } from "./check-pricing-mode.js";
import type { CommandContext } from "./command-context.js";
import { formatResolutionReport } from "./format-resolution-report.js";
import { parseTokenCounts } from "./parse-token-counts.js";
import { runCostCatalogCommand } from "./run-cost-catalog-command.js";

const COST_HELP = `sightline cost — what a call costs, from the bundled price catalog

Usage:
  sightline cost <model> --input <n> --output <n> [options]
  sightline cost --list [provider]
  sightline cost catalog [--json | --compare FILE]   coverage per provider; see sightline cost catalog --help

Options:
  --provider <name>      gen_ai.provider.name (default: openai, or inferred from the model name)
  --input <n>            input tokens, cached ones included (semconv)
  --output <n>           output tokens, reasoning ones included
  --cached <n>           of the input, tokens read from the cache
  --cache-write <n>      of the input, tokens written to the cache
  --reasoning <n>        of the output, reasoning tokens
  --tier <name>          service tier the model is priced for (e.g. flex, priority; standard is list price)
  --batch                batch pricing, for models with a batch price
  --region <name>        where the call ran, for regional prices (AWS us-east-1, Azure data zone us / eu)
  --explain              list every name the model was tried as, in order, and which one matched
  --list                 list the catalog (optionally one provider)
  -h, --help             this help
`;

/** `sightline cost`: prints a call's cost breakdown and how the model matched, or lists the catalog. */
export function runCostCommand(
  options: CommandContext & { args: string[]; registry?: PriceRegistry },
): number {
  const { write, writeError } = options;
  if (options.args[0] === "catalog")
    return runCostCatalogCommand({ ...options, args: options.args.slice(1) });
  const registry = options.registry ?? getDefaultPriceRegistry();
  let parsed: ReturnType<typeof parseCostArgs>;
  try {
    parsed = parseCostArgs(options.args);
  } catch (error) {
    writeError(`sightline cost: ${(error as Error).message}; see sightline cost --help\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    write(COST_HELP);
    return 0;
  }
  if (values.list) {
    const models = registry.listModels(positionals[0]);
    write(
      `${formatCatalog(models)}\ncatalog ${registry.pricingVersion}: ${models.length} models (USD per 1M tokens)\n`,
    );
    return 0;
  }
  const model = positionals[0];
  if (positionals.length > 1) {
    writeError(
      `sightline cost: one model at a time, got ${positionals.map((name) => JSON.stringify(name)).join(", ")}; see sightline cost --help\n`,
    );
    return 2;
  }
  if (!model) {
    writeError(
      `sightline cost: name a model, e.g. sightline cost gpt-4o --input 1000 --output 200\n\n${COST_HELP}`,
    );
    return 2;
  }
  if (values.explain && values.input === undefined && values.output === undefined) {
    // Only the name: say how it resolves, without a cost.
    const provider = values.provider?.trim() || inferProvider(model);
    const report = registry.explainModelResolution({ provider, model, region: values.region });
    write(formatResolutionReport(report));
    return report.resolved ? 0 : 1;
  }
  const parsedCounts = parseTokenCounts(values);
  if ("error" in parsedCounts) {
    writeError(`sightline cost: ${parsedCounts.error}\n`);
    return 2;
  }
  const { counts } = parsedCounts;
  if (values.provider !== undefined && values.provider.trim() === "") {
    writeError(
      "sightline cost: --provider is empty; give one such as openai, anthropic or aws.bedrock, or leave it out to infer it from the model\n",
    );
    return 2;
  }
  const provider = values.provider ?? inferProvider(model);
  const noPrice = () => {
    writeError(
      `sightline cost: no price for "${model}" (${provider}); see sightline cost --list ${provider}, or register one with registerModelPrice()\n`,
    );
    return 1;
  };
  const region = values.region;
  if (values.explain)
    write(formatResolutionReport(registry.explainModelResolution({ provider, model, region })));
  const resolved = registry.resolveModel({ provider, model, region });
  if (!resolved) return noPrice();
  const modeProblem = checkPricingMode({
    tier: values.tier,
    batch: values.batch === true,
    entry: resolved.entry,
    catalogTiers: registry.listModels().flatMap((entry) => Object.keys(entry.serviceTiers ?? {})),
  });
  if (modeProblem !== undefined) {
    writeError(`sightline cost: ${modeProblem}\n`);
    return 2;
  }
  const breakdown = registry.costOf({
    provider,
    model,
    serviceTier: values.tier,
    batch: values.batch === true,
    region,
    usage: {
      inputTokens: counts.input,
      outputTokens: counts.output,
      cacheReadInputTokens: counts.cached,
      cacheWriteInputTokens: counts["cache-write"],
      reasoningOutputTokens: counts.reasoning,
    },
  });
  if (!breakdown) return noPrice();
  write(formatBreakdown({ model, provider, breakdown }));
  return 0;
}

function parseCostArgs(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      provider: { type: "string" },
      input: { type: "string" },
      output: { type: "string" },
      cached: { type: "string" },
      "cache-write": { type: "string" },
      reasoning: { type: "string" },
      tier: { type: "string" },
      batch: { type: "boolean" },
      region: { type: "string" },
      explain: { type: "boolean" },
      list: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
}

/** A provider guess for the common names, so `sightline cost claude-sonnet-4-5 …` just works. */
function inferProvider(model: string): string {
  const name = model.toLowerCase();
  if (/^((us|eu|apac|au|jp|ca|us-gov|global)\.)?anthropic\./.test(name) || name.startsWith("arn:aws")) {
    return "aws.bedrock";
  }
  if (name.includes("claude")) return name.includes("@") ? "gcp.vertex_ai" : "anthropic";
  if (name.startsWith("gemini")) return "gcp.gemini";
  if (/^(mistral|magistral|codestral|ministral|pixtral)/.test(name)) return "mistral_ai";
  if (name.startsWith("deepseek")) return "deepseek";
  if (name.startsWith("grok")) return "x_ai";
  return "openai";
}

function formatBreakdown(options: { model: string; provider: string; breakdown: CostBreakdown }): string {
  const { breakdown } = options;
  const usd = (value: number) => `$${value.toFixed(6)}`;
  const rows: [string, number][] = [
    ["input", breakdown.input],
    ["cached input", breakdown.cachedInput],
    ["cache write", breakdown.cacheWrite],
    ["output", breakdown.output],
    ["reasoning", breakdown.reasoning],
  ];
  const lines = [
    `${options.model} (${options.provider}) priced as ${breakdown.modelId}, match: ${breakdown.match}${breakdown.serviceTier === "standard" ? "" : `, tier: ${breakdown.serviceTier}`}${breakdown.batch ? ", batch" : ""}`,
    ...rows.filter(([, value]) => value !== 0).map(([label, value]) => `  ${label.padEnd(14)} ${usd(value)}`),
    `  ${"total".padEnd(14)} ${usd(breakdown.total)} ${breakdown.currency}`,
    `catalog ${breakdown.pricingVersion}`,
  ];
  return `${lines.join("\n")}\n`;
}

function formatCatalog(models: ReturnType<PriceRegistry["listModels"]>): string {
  const header = ["provider", "model", "input", "cached", "output", "checked"];
  const rows = models.map((entry) => [
    entry.provider,
    entry.id,
    entry.prices.input,
    entry.prices.cacheRead ?? "-",
    entry.prices.output,
    entry.checkedAt,
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => String(row[column]).length)),
  );
  return [header, ...rows]
    .map((row) => row.map((cell, column) => String(cell).padEnd(widths[column] ?? 0)).join("  "))
    .join("\n");
}
