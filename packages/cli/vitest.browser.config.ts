import { defineConfig } from "vitest/config";

// Run only by scripts/browser/run.mjs, which finds (or installs) Chromium, sets SIGHTLINE_CHROMIUM, and runs
// these on Node 22 (the web UI's store needs node:sqlite). The package's own `test` leaves e2e/ out.
export default defineConfig({
  test: { include: ["e2e/**/*.test.ts"], testTimeout: 30_000, hookTimeout: 60_000, fileParallelism: false },
});
