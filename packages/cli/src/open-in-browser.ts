import { spawn as spawnProcess } from "node:child_process";
import { getOpenCommand } from "./get-open-command.js";

/** Options of {@link openInBrowser}. */
export interface OpenInBrowserOptions {
  /** The address to open. */
  url: string;
  /** Told, in one line, when no browser could be started. */
  onError: (message: string) => void;
  /** Operating system. Default: `process.platform`. */
  platform?: NodeJS.Platform;
  /** Starts the opener; injectable for tests. Default: `child_process.spawn`. */
  spawn?: typeof spawnProcess;
}

/**
 * Opens `url` in the default browser, detached with its output ignored, so the browser outlives a
 * stopped `sightline dev` and its chatter never mixes with the trace view. A missing opener or one that
 * fails is reported through `onError` with the URL to open by hand; it never throws.
 */
export function openInBrowser(options: OpenInBrowserOptions): void {
  const { command, args } = getOpenCommand({
    platform: options.platform ?? process.platform,
    url: options.url,
  });
  const byHand = `open ${options.url} in your browser`;
  try {
    const child = (options.spawn ?? spawnProcess)(command, args, {
      detached: true,
      stdio: "ignore",
      // cmd parses its own command line; Node's quoting would turn `""` into `\"\"`.
      windowsVerbatimArguments: command === "cmd",
    });
    child.once("error", (error) =>
      options.onError(`could not start ${command} (${error.message}); ${byHand}`),
    );
    child.once("exit", (code) => {
      if (code !== null && code !== 0) options.onError(`${command} exited with ${code}; ${byHand}`);
    });
    child.unref();
  } catch (error) {
    options.onError(`could not start ${command} (${(error as Error).message}); ${byHand}`);
  }
}
