import { defineConfig } from "vitest/config";

// Run only by scripts/backends/run.mjs, which starts the real Jaeger and Collector these tests read from.
// One file at a time: the machine has two cores and the backends need one of them.
export default defineConfig({
  test: { include: ["e2e/**/*.test.ts"], testTimeout: 60_000, hookTimeout: 120_000, fileParallelism: false },
});
