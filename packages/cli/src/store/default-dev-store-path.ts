import { homedir } from "node:os";
import { join, posix, win32 } from "node:path";

/**
 * The store file `sightline dev` uses when `--store` is not given: `sightline/dev.sqlite` under the user's
 * data folder: `$XDG_DATA_HOME` or `~/.local/share` on Linux (and other Unixes), `~/Library/Application
 * Support` on macOS, `%LOCALAPPDATA%` (else `~\AppData\Local`) on Windows.
 * @example
 * defaultDevStorePath({ XDG_DATA_HOME: "/data" }, "linux", "/home/ada"); // "/data/sightline/dev.sqlite"
 */
export function defaultDevStorePath(
  env: Record<string, string | undefined> = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  if (platform === "win32") {
    const base = env.LOCALAPPDATA || win32.join(home, "AppData", "Local");
    return win32.join(base, "sightline", "dev.sqlite");
  }
  if (platform === "darwin") {
    return posix.join(home, "Library", "Application Support", "sightline", "dev.sqlite");
  }
  // XDG says a relative XDG_DATA_HOME is invalid and must be ignored.
  const xdg = env.XDG_DATA_HOME;
  const base = xdg?.startsWith("/") ? xdg : join(home, ".local", "share");
  return posix.join(base, "sightline", "dev.sqlite");
}
