import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The folder holding the built web UI (index.html, app.js, app.css). Bundled, this module lives in
 * dist/index.js, dist/index.cjs or dist/cli.js, so the UI is in `./ui` beside it; run from source
 * (tests, src/web/) it is the package's dist/ui. Returns the first that has an index.html, else the
 * bundled location, so a missing build reads as "not built" rather than as some other folder.
 */
export function findUiDirectory(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, "ui"), join(here, "..", "..", "dist", "ui")];
  return candidates.find((candidate) => existsSync(join(candidate, "index.html"))) ?? join(here, "ui");
}
