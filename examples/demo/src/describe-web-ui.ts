import type { DevServer } from "sightline";

/**
 * The demo's line about the web UI: its address, or why there is none (the store behind it needs
 * `node:sqlite`, unflagged from Node 22.13).
 */
export function describeWebUi(options: { dev: DevServer; nodeVersion: string }): string {
  if (options.dev.uiUrl !== undefined)
    return `${options.dev.uiUrl} (open it now: traces appear as the story runs)`;
  const [major = 0, minor = 0] = options.nodeVersion.split(".").map(Number);
  const hasSqlite = major > 22 || (major === 22 && minor >= 13);
  return hasSqlite
    ? "not served by this build of sightline dev (the terminal view below shows everything)"
    : `needs Node 22.13+ for node:sqlite; this is Node ${options.nodeVersion}, so the terminal view below shows everything`;
}
