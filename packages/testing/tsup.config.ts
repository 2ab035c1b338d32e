import { defineConfig } from "tsup";

export default defineConfig({
  entry: ["src/index.ts", "src/vitest.ts", "src/bench.ts", "src/conformance.ts"],
  format: ["esm", "cjs"],
  dts: true,
  target: "node20",
  clean: true,
  sourcemap: true,
});
