// Bundles src/worker.ts into one ES module (dist/worker.js) the way wrangler does for Workers:
// browser/worker conditions, Node built-ins left as imports (workerd provides them with nodejs_compat).
// Prints the bundle size. Run by `pnpm build` and by the workerd test.
import { builtinModules } from "node:module";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

/** Bundles the Worker; resolves to its path and size in bytes. */
export async function bundleWorker() {
  const outfile = fileURLToPath(new URL("../dist/worker.js", import.meta.url));
  const result = await build({
    entryPoints: [fileURLToPath(new URL("../src/worker.ts", import.meta.url))],
    outfile,
    bundle: true,
    format: "esm",
    platform: "neutral",
    target: "es2022",
    conditions: ["workerd", "worker", "browser", "import", "default"],
    mainFields: ["module", "main"],
    external: [...builtinModules, ...builtinModules.map((name) => `node:${name}`), "cloudflare:*"],
    minify: true,
    metafile: true,
    logLevel: "warning",
    // tsup's split chunks are imported bare for ordering only; core's are pure constants, so dropping
    // the bare import under sideEffects: false loses nothing.
    logOverride: { "ignored-bare-import": "silent" },
  });
  const bytes = Object.values(result.metafile.outputs).reduce((sum, output) => sum + output.bytes, 0);
  const nodeImports = Object.values(result.metafile.outputs).flatMap((output) =>
    output.imports.filter((entry) => entry.external).map((entry) => entry.path),
  );
  return { outfile, bytes, nodeImports };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { outfile, bytes, nodeImports } = await bundleWorker();
  console.log(
    `${outfile}: ${(bytes / 1024).toFixed(1)} KiB; external imports: ${nodeImports.join(", ") || "none"}`,
  );
}
