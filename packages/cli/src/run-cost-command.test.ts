import { createPriceRegistry } from "@sightline/pricing";
import { describe, expect, it } from "vitest";
import { runCli } from "./run-cli.js";
import { runCostCommand } from "./run-cost-command.js";

function capture() {
  const out: string[] = [];
  const error: string[] = [];
  return {
    out,
    error,
    write: (text: string) => out.push(text),
    writeError: (text: string) => error.push(text),
  };
}

describe("sightline cost", () => {
  it("prints the breakdown and the match for a dated snapshot", async () => {
    const io = capture();
    // gpt-4o: $2.50 / 1M input, $1.25 / 1M cached, $10 / 1M output.
    // 1,000,000 input of which 400,000 cached, 100,000 output: 0.6 × 2.5 + 0.4 × 1.25 + 0.1 × 10 = 1.5 + 0.5 + 1.0
    const code = await runCli({
      argv: ["cost", "gpt-4o-2024-08-06", "--input", "1000000", "--cached", "400000", "--output", "100000"],
      ...io,
      env: {},
    });
    expect(code).toBe(0);
    const text = io.out.join("");
    expect(text).toContain("priced as gpt-4o, match: alias");
    expect(text).toMatch(/input\s+\$1\.500000/);
    expect(text).toMatch(/cached input\s+\$0\.500000/);
    expect(text).toMatch(/output\s+\$1\.000000/);
    expect(text).toMatch(/total\s+\$3\.000000 USD/);
  });

  it("infers Anthropic from the model name and prices cache writes", async () => {
    const io = capture();
    const code = await runCli({
      argv: ["cost", "claude-sonnet-4-5", "--input", "2000", "--cache-write", "1000", "--output", "10"],
      ...io,
      env: {},
    });
    expect(code).toBe(0);
    expect(io.out.join("")).toContain("(anthropic)");
    expect(io.out.join("")).toMatch(/cache write\s+\$/);
  });

  it("says clearly when a model has no price, with exit code 1", async () => {
    const io = capture();
    expect(await runCli({ argv: ["cost", "acme-llm-9", "--input", "10"], ...io, env: {} })).toBe(1);
    expect(io.error.join("")).toContain('no price for "acme-llm-9"');
  });

  it("rejects a malformed count naming the flag", async () => {
    const io = capture();
    expect(await runCli({ argv: ["cost", "gpt-4o", "--input", "ten"], ...io, env: {} })).toBe(2);
    expect(io.error.join("")).toContain('--input "ten" is not a token count');
  });

  it.each([
    [
      ["--input", ""],
      '--input "" is not a token count; give a non-negative whole number in decimal digits, e.g. --input 1000',
    ],
    [
      ["--input", "0x10"],
      '--input "0x10" is not a token count; give a non-negative whole number in decimal digits, e.g. --input 1000',
    ],
    [
      ["--input", "1e3"],
      '--input "1e3" is not a token count; give a non-negative whole number in decimal digits, e.g. --input 1000',
    ],
    [
      ["--output", " 12"],
      '--output " 12" is not a token count; give a non-negative whole number in decimal digits, e.g. --output 1000',
    ],
    [
      ["--input=-5"],
      '--input "-5" is not a token count; give a non-negative whole number in decimal digits, e.g. --input 1000',
    ],
    [
      ["--input", "99999999999999999999"],
      "--input 99999999999999999999 is too large; a token count is at most 9007199254740991",
    ],
    [
      ["--input", "10", "--cached", "20"],
      "--cached 20 is more than --input 10; cache reads and writes are part of the input, so give --input 20 or more",
    ],
    [
      ["--input", "10", "--cached", "6", "--cache-write", "6"],
      "--cached 6 + --cache-write 6 = 12 is more than --input 10; cache reads and writes are part of the input, so give --input 12 or more",
    ],
    [
      ["--output", "10", "--cached", "5"],
      "--cached 5 needs --input; cache reads and writes are part of the input, so give --input 5 or more",
    ],
    [
      ["--input", "10", "--output", "10", "--reasoning", "20"],
      "--reasoning 20 is more than --output 10; reasoning tokens are part of the output, so give --output 20 or more",
    ],
    [
      ["--input", "10", "--reasoning", "3"],
      "--reasoning 3 needs --output; reasoning tokens are part of the output, so give --output 3 or more",
    ],
    [
      ["--input", "10", "--tier", "bogus"],
      '--tier "bogus" is not a service tier the catalog knows (flex, priority; standard, default or auto for list price); gpt-4o\'s tiers are standard, priority',
    ],
    [
      ["--input", "10", "--tier", ""],
      '--tier "" is not a service tier the catalog knows (flex, priority; standard, default or auto for list price); gpt-4o\'s tiers are standard, priority',
    ],
    [
      ["--input", "10", "--tier", "flex"],
      '--tier "flex": gpt-4o has no flex price in the catalog; its tiers are standard, priority',
    ],
    [
      ["--input", "10", "--tier", "priority", "--batch"],
      "--batch and --tier priority cannot be combined: batch has its own prices, without tiers; give one of them",
    ],
    [
      ["--input", "10", "--provider", ""],
      "--provider is empty; give one such as openai, anthropic or aws.bedrock, or leave it out to infer it from the model",
    ],
  ])("rejects %j with exit code 2 and a message naming the flag and the fix", async (flags, message) => {
    const io = capture();
    expect(await runCli({ argv: ["cost", "gpt-4o", ...flags], ...io, env: {} })).toBe(2);
    expect(io.error.join("")).toBe(`sightline cost: ${message}\n`);
    expect(io.out.join("")).toBe("");
  });

  it("rejects batch pricing for a model without a batch price, and a second model name", async () => {
    const io = capture();
    expect(
      await runCli({ argv: ["cost", "deepseek-v4-flash", "--input", "10", "--batch"], ...io, env: {} }),
    ).toBe(2);
    expect(io.error.join("")).toBe(
      "sightline cost: --batch: deepseek-v4-flash has no batch price in the catalog; leave --batch out for its list price\n",
    );
    const two = capture();
    expect(await runCli({ argv: ["cost", "gpt-4o", "gpt-4o-mini", "--input", "10"], ...two, env: {} })).toBe(
      2,
    );
    expect(two.error.join("")).toBe(
      'sightline cost: one model at a time, got "gpt-4o", "gpt-4o-mini"; see sightline cost --help\n',
    );
  });

  it("prices a tier the model has, and says which tier and batch were used", async () => {
    const io = capture();
    expect(
      await runCli({ argv: ["cost", "gpt-4o", "--input", "1000000", "--tier", "Priority"], ...io, env: {} }),
    ).toBe(0);
    expect(io.out.join("")).toContain("priced as gpt-4o, match: exact, tier: priority");
    expect(io.out.join("")).toMatch(/total\s+\$4\.250000 USD/);
    const standard = capture();
    expect(
      await runCli({ argv: ["cost", "gpt-4o", "--input", "10", "--tier", "default"], ...standard, env: {} }),
    ).toBe(0);
    const batch = capture();
    expect(
      await runCli({ argv: ["cost", "gpt-4o", "--input", "1000000", "--batch"], ...batch, env: {} }),
    ).toBe(0);
    expect(batch.out.join("")).toMatch(/match: exact, batch\n[\s\S]*total\s+\$1\.250000 USD/);
  });

  it("lists the catalog of one provider", async () => {
    const io = capture();
    expect(await runCli({ argv: ["cost", "--list", "anthropic"], ...io, env: {} })).toBe(0);
    const lines = io.out.join("").split("\n");
    expect(lines[0]).toMatch(/^provider\s+model\s+input/);
    expect(lines.filter((line) => line.startsWith("anthropic")).length).toBeGreaterThan(3);
    expect(lines.some((line) => line.startsWith("openai"))).toBe(false);
  });

  it("--explain lists the names tried, in order, and the one that matched", async () => {
    const entry = (id: string) => ({
      provider: "openai",
      id,
      prices: { input: "0.30", output: "1.20" },
      sourceUrl: "https://example.com/pricing",
      source: "test",
      checkedAt: "2026-12-03",
    });
    const model = "ft:gpt-4o-mini-2024-07-18:acme::AbC123";
    const io = capture();
    const registry = createPriceRegistry({ catalog: [entry("ft:gpt-4o-mini")] });
    expect(runCostCommand({ args: [model, "--explain"], ...io, env: {}, cwd: ".", registry })).toBe(0);
    const text = io.out.join("");
    expect(text).toMatch(/1\. override\s+ft:gpt-4o-mini-2024-07-18:acme::AbC123 \(openai\)\s+miss/);
    expect(text).toMatch(/2\. fine-tune\s+ft:gpt-4o-mini-2024-07-18 \(openai\)\s+miss/);
    expect(text).toMatch(/3\. fine-tune\s+ft:gpt-4o-mini \(openai\)\s+✓ ft:gpt-4o-mini, match: exact/);
    expect(text).toContain("resolved: ft:gpt-4o-mini (openai), match: family");
    const unpriced = capture();
    const empty = createPriceRegistry({ catalog: [entry("gpt-4o-mini")] });
    expect(
      runCostCommand({ args: [model, "--explain"], ...unpriced, env: {}, cwd: ".", registry: empty }),
    ).toBe(1);
    expect(unpriced.out.join("")).toContain("resolved: nothing, so the call is unpriced");

    // With counts, the list comes before the breakdown; the Bedrock provider is inferred from the profile id.
    const priced = capture();
    const bedrock = createPriceRegistry({
      catalog: [{ ...entry("anthropic.claude-haiku-4-5-20251001-v1:0"), provider: "aws.bedrock" }],
    });
    const args = ["jp.anthropic.claude-haiku-4-5-20251001-v1:0", "--input", "1000000", "--explain"];
    expect(runCostCommand({ args, ...priced, env: {}, cwd: ".", registry: bedrock })).toBe(0);
    const lines = priced.out.join("");
    expect(lines).toMatch(
      /catalog\s+jp\.anthropic\.claude-haiku-4-5-20251001-v1:0 \(aws\.bedrock\)\s+✓ anthropic\.claude-haiku-4-5-20251001-v1:0, match: normalized/,
    );
    expect(lines).toContain(
      "resolved: anthropic.claude-haiku-4-5-20251001-v1:0 (aws.bedrock), match: normalized",
    );
    expect(lines).toMatch(/resolved: [^\n]+\n[^\n]+priced as [\s\S]*total\s+\$0\.300000 USD/);
  });

  it("--region tries the region's price first", async () => {
    const io = capture();
    expect(
      await runCli({
        argv: ["cost", "anthropic.claude-haiku-4-5-20251001-v1:0", "--region", "eu-west-3", "--explain"],
        ...io,
        env: {},
      }),
    ).toBe(0);
    expect(io.out.join("")).toMatch(
      /region\s+eu-west-3\/anthropic\.claude-haiku-4-5-20251001-v1:0 \(aws\.bedrock\)/,
    );
  });
});
