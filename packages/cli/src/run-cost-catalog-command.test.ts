import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createPriceRegistry } from "@sightline/pricing";
import { describe, expect, it } from "vitest";
import { runCostCommand } from "./run-cost-command.js";

function run(args: string[], cwd = process.cwd()) {
  let out = "";
  let err = "";
  const code = runCostCommand({
    args,
    cwd,
    env: {},
    write: (text) => {
      out += text;
    },
    writeError: (text) => {
      err += text;
    },
  });
  return { code, out, err };
}

describe("sightline cost catalog", () => {
  it("prints coverage per provider against LiteLLM's map, with a total of at least 95%", () => {
    const { code, out } = run(["catalog"]);
    expect(code).toBe(0);
    for (const provider of ["openai", "anthropic", "aws.bedrock", "azure.ai.openai", "gcp.gemini", "x_ai"]) {
      expect(out).toMatch(new RegExp(`^${provider.replace(".", "\\.")}\\s+\\d+`, "m"));
    }
    const total = /^all\s+\d+\s+\d+\s+\d+\s+(\d+)\s+(\d+)\s+([\d.]+)%$/m.exec(out);
    expect(total).not.toBeNull();
    expect(Number(total?.[3])).toBeGreaterThanOrEqual(95);
    expect(out).toMatch(/coverage against LiteLLM \d+\.\d+\.\d+ \(read \d{4}-\d{2}-\d{2}\)/);
  });

  it("writes the catalog as a sightline.prices/v1 file that a registry can load back", () => {
    const { code, out } = run(["catalog", "--json"]);
    expect(code).toBe(0);
    const file = JSON.parse(out);
    expect(file.format).toBe("sightline.prices/v1");
    expect(file.entries.length).toBeGreaterThan(1500);
    const registry = createPriceRegistry({ catalog: file.entries, pricingVersion: file.pricingVersion });
    const cost = registry.costOf({ provider: "openai", model: "gpt-4o", usage: { inputTokens: 1_000_000 } });
    expect(cost?.total).toBe(2.5);
  });

  it("compares with a LiteLLM map and lists disagreements and unpriced models (exit 1)", () => {
    const directory = mkdtempSync(join(tmpdir(), "sightline-catalog-"));
    writeFileSync(
      join(directory, "prices.json"),
      JSON.stringify({
        "gpt-4o": {
          litellm_provider: "openai",
          mode: "chat",
          input_cost_per_token: 2.5e-6,
          output_cost_per_token: 1e-5,
        },
        "gpt-4o-mini": {
          litellm_provider: "openai",
          mode: "chat",
          input_cost_per_token: 3e-7,
          output_cost_per_token: 6e-7,
        },
        "no-such-model-x1": {
          litellm_provider: "openai",
          mode: "chat",
          input_cost_per_token: 1e-6,
          output_cost_per_token: 1e-6,
        },
      }),
    );
    const { code, out } = run(["catalog", "--compare", "prices.json"], directory);
    expect(code).toBe(1);
    expect(out).toContain("3 models in scope; 2 with token prices resolve, 1 do not; 1 prices differ");
    expect(out).toContain("unpriced  openai  no-such-model-x1");
    expect(out).toMatch(/openai\s+gpt-4o-mini\s+gpt-4o-mini\s+input\s+0\.15\s+0\.3/);
  });

  it("says clearly when the file to compare is not a LiteLLM map", () => {
    const directory = mkdtempSync(join(tmpdir(), "sightline-catalog-"));
    writeFileSync(join(directory, "bad.json"), JSON.stringify([1, 2]));
    const { code, err } = run(["catalog", "--compare", "bad.json"], directory);
    expect(code).toBe(2);
    expect(err).toContain("must be a JSON object of model entries");
  });
});
