// The benches' receiver: sightline dev from the package's build, on a free port, over a store file in a
// temp folder (a file, not :memory:, so the figures include the disk), quiet but for the store's notices.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * Starts the dev server over a fresh store in a temp folder; `close()` stops it and deletes the folder.
 * Call it only on a Node with node:sqlite (the benches re-run themselves on Node 22 first).
 */
export async function startBenchDevServer(options) {
  const { startDevServer } = await import("../dist/index.js");
  const folder = mkdtempSync(join(tmpdir(), `sightline-${options.name}-bench-`));
  const dev = await startDevServer({
    port: 0,
    store: join(folder, "dev.sqlite"),
    settleMs: 60_000,
    write: () => {},
    writeNotice: (text) => process.stderr.write(text),
  });
  if (!dev.uiUrl) throw new Error("the store did not open");
  return {
    dev,
    async close() {
      await dev.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
