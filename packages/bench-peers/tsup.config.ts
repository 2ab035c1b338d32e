import { defineConfig } from "tsup";

// Built only for the bench runners (plain Node scripts); this package is private and never published.
export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm"],
  dts: false,
  target: "node20",
  clean: true,
  // The instrumentations must patch the very `openai` and `@anthropic-ai/sdk` modules the runners load.
  skipNodeModulesBundle: true,
});
