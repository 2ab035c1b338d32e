/** What every `sightline` command gets from the entry point. */
export interface CommandContext {
  /** Standard output. */
  write: (text: string) => void;
  /** Standard error. */
  writeError: (text: string) => void;
  /** Environment variables. */
  env: Record<string, string | undefined>;
  /** Stops a long-running command when aborted. Default: stop on `SIGINT` / `SIGTERM`. */
  signal?: AbortSignal;
  /** Use colors. Default: when standard output is a terminal and `NO_COLOR` is unset. */
  color?: boolean;
  /** Standard error is a terminal: `sightline eval` draws a progress bar there, plain lines otherwise. */
  terminal?: boolean;
  /** Working directory for relative paths. */
  cwd: string;
  /**
   * Opens a URL in the default browser (`sightline dev --open`), reporting failure through `onError`.
   * Default: `openInBrowser` (`xdg-open`, `open` or `cmd /c start`). Tests pass one that launches nothing.
   */
  openUrl?: (url: string, onError: (message: string) => void) => void;
}
