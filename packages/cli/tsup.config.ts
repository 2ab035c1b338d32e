import { copyFile, mkdir } from "node:fs/promises";
import { defineConfig } from "tsup";

/** The web UI's static files, copied beside the bundle so `serveUiAsset` finds all three in dist/ui. */
const UI_STATIC_FILES = ["index.html", "app.css"];

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
      await mkdir("dist/ui", { recursive: true });
      for (const file of UI_STATIC_FILES) await copyFile(`ui/${file}`, `dist/ui/${file}`);
    },
  },
]);
