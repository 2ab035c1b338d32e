import { describe, expect, it } from "vitest";
import { runCli } from "./run-cli.js";

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
    expect(io.error.join("")).toContain("--input ten is not a token count");
  });

  it("lists the catalog of one provider", async () => {
    const io = capture();
    expect(await runCli({ argv: ["cost", "--list", "anthropic"], ...io, env: {} })).toBe(0);
    const lines = io.out.join("").split("\n");
    expect(lines[0]).toMatch(/^provider\s+model\s+input/);
    expect(lines.filter((line) => line.startsWith("anthropic")).length).toBeGreaterThan(3);
    expect(lines.some((line) => line.startsWith("openai"))).toBe(false);
  });
});
