import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "ui/src/**/*.test.ts"],
    testTimeout: 20_000,
    // sightline dev's default store lives in the user's data folder; tests get a throwaway one.
    env: { XDG_DATA_HOME: mkdtempSync(join(tmpdir(), "sightline-test-data-")) },
  },
});
