import { defineConfig } from "tsup";

export default defineConfig({
  entry: ["src/main.ts"],
  format: ["esm"],
  target: "node20",
  clean: true,
  // The examples' shared start-up is TypeScript source in the workspace: bundled, not imported at run time.
  noExternal: ["@example/shared"],
});
