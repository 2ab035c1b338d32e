import { defineConfig } from "tsup";

export default defineConfig({
  // Three entry points by audience: apps, provider packages, and the shared telemetry names.
  entry: { index: "src/index.ts", provider: "src/provider.ts", semconv: "src/semconv.ts" },
  format: ["esm", "cjs"],
  dts: true,
  // Shared chunks in both formats, so module state (context keys, the default drift monitor, the
  // same-run slots) exists once however many entry points an app loads, in CJS as in ESM.
  splitting: true,
  target: "node20",
  clean: true,
  sourcemap: true,
});
