import { builtinModules } from "node:module";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

const NODE_BUILTINS = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

describe("the edge bundle", () => {
  it("resolves to the OTel packages' platform-neutral builds and imports no Node module", async () => {
    // The conditions wrangler uses for Workers; `node` is absent, so #platform imports pick the browser builds.
    const result = await build({
      entryPoints: [fileURLToPath(new URL("./index.ts", import.meta.url))],
      bundle: true,
      write: false,
      format: "esm",
      platform: "neutral",
      conditions: ["workerd", "worker", "browser", "import", "default"],
      mainFields: ["module", "main"],
      minify: true,
      metafile: true,
      logLevel: "silent",
    });
    const imported = Object.values(result.metafile.inputs).flatMap((input) =>
      input.imports.map((entry) => entry.path),
    );
    expect(imported.filter((path) => NODE_BUILTINS.has(path))).toEqual([]);
    expect(Object.keys(result.metafile.inputs).filter((path) => path.includes("/platform/node/"))).toEqual(
      [],
    );
    const bytes = result.outputFiles[0]?.contents.byteLength ?? 0;
    // A guard against an accidental heavy import, not a budget (measured: see the package README).
    expect(bytes).toBeLessThan(1_000_000);
  });
});
