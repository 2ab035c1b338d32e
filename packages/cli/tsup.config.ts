import { copyFile, mkdir, readFile, writeFile } from "node:fs/promises";
import { defineConfig } from "tsup";

/**
 * The web UI's style sheets, one per concern, joined in this order into dist/ui/app.css (one request,
 * and later sheets may override earlier ones, as narrow-screens.css does).
 */
const UI_STYLE_SHEETS = ["theme", "shell", "tables", "trace", "chat", "overview", "narrow-screens"];

export default defineConfig([
  {
    entry: ["src/index.ts"],
    format: ["esm", "cjs"],
    dts: true,
    target: "node20",
    clean: false,
    sourcemap: true,
    // serveUiAsset locates dist/ui from import.meta.url; the shim gives the CJS build the same value.
    shims: true,
  },
  {
    entry: ["src/cli.ts"],
    format: ["esm"],
    target: "node20",
    sourcemap: true,
    banner: { js: "#!/usr/bin/env node" },
  },
  {
    entry: { app: "ui/src/main.ts" },
    outDir: "dist/ui",
    format: ["iife"],
    platform: "browser",
    target: "es2022",
    tsconfig: "ui/tsconfig.json",
    minify: true,
    clean: false,
    sourcemap: false,
    // tsup names IIFE bundles app.global.js by default; index.html loads app.js.
    outExtension: () => ({ js: ".js" }),
    onSuccess: async () => {
      // Beside the bundle, so serveUiAsset finds index.html, app.js and app.css in dist/ui.
      await mkdir("dist/ui", { recursive: true });
      await copyFile("ui/index.html", "dist/ui/index.html");
      const sheets = await Promise.all(
        UI_STYLE_SHEETS.map((name) => readFile(`ui/styles/${name}.css`, "utf8")),
      );
      await writeFile("dist/ui/app.css", sheets.join("\n"));
    },
  },
]);
