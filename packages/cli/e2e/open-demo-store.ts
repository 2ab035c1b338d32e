import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type LaunchedBrowser, launchBrowser } from "./launch-browser.js";
import { type DemoOutput, readDemoOutput } from "./read-demo-output.js";
import { runDemoProcess } from "./run-demo-process.js";
import { type DevProcess, startDevProcess } from "./start-dev-process.js";

/** The demo's store served by a fresh `sightline dev` process, and a browser to look at it. */
export interface DemoSession {
  storePath: string;
  /** What the demo printed, and read back. */
  stdout: string;
  printed: DemoOutput;
  dev: DevProcess;
  launched: LaunchedBrowser;
  /** Stops the browser and the dev process and deletes the store. */
  close(): Promise<void>;
}

/** The size the screenshots are taken at. */
export const VIEWPORT = { width: 1280, height: 800 };

/**
 * Runs the offline demo into a temporary store (its own sightline dev closes when it ends), then starts
 * `sightline dev --store` on that file and a Chromium at {@link VIEWPORT}: the setup of each browser suite.
 */
export async function openDemoStore(): Promise<DemoSession> {
  const folder = mkdtempSync(join(tmpdir(), "sightline-e2e-"));
  const storePath = join(folder, "dev.sqlite");
  const stdout = await runDemoProcess({ storePath });
  const dev = await startDevProcess({ args: ["--store", storePath] });
  const launched = await launchBrowser();
  await launched.page.setViewportSize(VIEWPORT);
  const session: DemoSession = {
    storePath,
    stdout,
    printed: readDemoOutput(stdout),
    dev,
    launched,
    async close() {
      await launched.close();
      await session.dev.stop();
      rmSync(folder, { recursive: true, force: true });
    },
  };
  return session;
}

/**
 * Where the tests' screenshots of each view go: the documentation's own (docs/images/sightline-dev/) when
 * `SIGHTLINE_UPDATE_SCREENSHOTS=1`, else e2e/screenshots/ (ignored by git). Each run's pictures carry its
 * clock and temp paths, so writing the docs' copies on every run would leave every checkout modified.
 */
export const SCREENSHOT_FOLDER = new URL(
  process.env.SIGHTLINE_UPDATE_SCREENSHOTS === "1" ? "../../../docs/images/sightline-dev/" : "./screenshots/",
  import.meta.url,
).pathname;
