import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { getBundledCatalog, PRICING_VERSION } from "./catalog-data.js";

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

  it("is ASCII text, its sources' other characters written as escapes that parse back", () => {
    // One character outside ASCII makes V8 hold the whole text at two bytes per character.
    const module = readFileSync(join(sourceDirectory, "catalog-data.ts"), "utf8");
    expect(module.match(/[\u0080-\uffff]/g)).toBeNull();
    const bedrock = JSON.parse(
      readFileSync(join(sourceDirectory, "..", "sources", "aws-bedrock.json"), "utf8"),
    ) as {
      models: { source?: string }[];
    };
    const notes = bedrock.models.map((model) => model.source).filter((note) => note?.includes("\u2026"));
    expect(notes.length).toBeGreaterThan(0);
    const parsed = new Set(getBundledCatalog().map((entry) => entry.source));
    for (const note of notes) expect(parsed).toContain(note);
  });

  it("has a version naming the catalog date and a digest", () => {
    expect(PRICING_VERSION).toMatch(/^\d{4}-\d{2}-\d{2}\.[0-9a-f]{8}$/);
    expect(getBundledCatalog().length).toBeGreaterThan(1500);
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
