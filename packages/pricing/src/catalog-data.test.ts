import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { CATALOG_ENTRIES, PRICING_VERSION } from "./catalog-data.js";

const sourceDirectory = dirname(fileURLToPath(import.meta.url));
const script = join(sourceDirectory, "..", "scripts", "build-catalog.mjs");

function runScript(...parameters: string[]): { status: number; output: string } {
  try {
    return {
      status: 0,
      output: execFileSync(process.execPath, [script, ...parameters], { encoding: "utf8" }),
    };
  } catch (error) {
    const failure = error as { status: number; stdout: string; stderr: string };
    return { status: failure.status, output: `${failure.stdout}${failure.stderr}` };
  }
}

describe("catalog data", () => {
  it("is up to date with sources/", () => {
    const result = runScript("--check");
    expect(result.output).toContain("up to date");
    expect(result.status).toBe(0);
  });

  it("has a version naming the catalog date and a digest", () => {
    expect(PRICING_VERSION).toMatch(/^\d{4}-\d{2}-\d{2}\.[0-9a-f]{8}$/);
    expect(CATALOG_ENTRIES.length).toBeGreaterThan(50);
  });

  it("lists disagreements with another price list for a person to settle", () => {
    const result = runScript("--compare", join(sourceDirectory, "__fixtures__", "litellm-sample.json"));
    expect(result.status).toBe(2);
    // The fixture repeats LiteLLM's old 10x haiku cache-read bug and OpenLIT's 0.01 Gemini cache read.
    expect(result.output).toMatch(/claude-3-5-haiku-20241022\s+cacheRead\s+ours\s+0\.08\s+theirs\s+0\.8/);
    expect(result.output).toMatch(/gemini-2\.0-flash\s+cacheRead\s+ours\s+0\.025\s+theirs\s+0\.01/);
    expect(result.output).toContain("2 disagreements");
  });
});

describe("runtime-agnostic source", () => {
  it("uses no Node-only API outside tests", () => {
    const files = readdirSync(sourceDirectory).filter(
      (file) => file.endsWith(".ts") && !file.endsWith(".test.ts"),
    );
    for (const file of files) {
      const text = readFileSync(join(sourceDirectory, file), "utf8");
      expect(text, file).not.toMatch(/from "node:|require\(|\bprocess\.|\bBuffer\b|__dirname/);
    }
  });
});
