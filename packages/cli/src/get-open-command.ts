/** A program and its arguments that open a URL in the default browser. */
export interface OpenCommand {
  /** Program to run. */
  command: string;
  /** Its arguments, the URL last. */
  args: string[];
}

/**
 * The command that opens `url` in the default browser on `platform`: `open` on macOS,
 * `cmd /c start "" <url>` on Windows (the empty title keeps `start` from taking a quoted URL as the
 * window title), `xdg-open` elsewhere.
 */
export function getOpenCommand(options: { platform: NodeJS.Platform; url: string }): OpenCommand {
  switch (options.platform) {
    case "darwin":
      return { command: "open", args: [options.url] };
    case "win32":
      return { command: "cmd", args: ["/c", "start", '""', options.url] };
    default:
      return { command: "xdg-open", args: [options.url] };
  }
}
