/** ANSI styles `sightline dev` uses. */
export type Style = "bold" | "dim" | "red" | "yellow" | "cyan" | "green";

const CODES: Record<Style, string> = {
  bold: "\x1b[1m",
  dim: "\x1b[2m",
  red: "\x1b[31m",
  yellow: "\x1b[33m",
  cyan: "\x1b[36m",
  green: "\x1b[32m",
};

/** A painter: wraps text in an ANSI style when colors are on, returns it unchanged otherwise. */
export type Paint = (style: Style, text: string) => string;

/** Creates a painter for the given color setting. */
export function createPaint(color: boolean): Paint {
  return (style, text) => (color ? `${CODES[style]}${text}\x1b[0m` : text);
}
