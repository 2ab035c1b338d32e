/**
 * Escape sequences a terminal acts on, matched whole so that none of their bytes reach it: CSI (cursor
 * movement, clearing, colours), OSC (window title, hyperlinks, clipboard), DCS, SOS, PM and APC strings, and
 * the short `ESC <final>` forms (reset, save cursor), each in its 7-bit `ESC x` form and its 8-bit C1 form.
 * A string sequence without its terminator runs to the end of the text, as a terminal would swallow it.
 */
const ESCAPE_SEQUENCE = new RegExp(
  [
    "(?:\\x1b\\[|\\x9b)[\\x30-\\x3f]*[\\x20-\\x2f]*[\\x40-\\x7e]",
    "(?:\\x1b[\\]PX^_]|[\\x90\\x98\\x9d\\x9e\\x9f])[\\s\\S]*?(?:\\x07|\\x1b\\\\|\\x9c|$)",
    "\\x1b[\\x20-\\x2f]*[\\x30-\\x7e]",
  ].join("|"),
  "g",
);

/**
 * Characters that control the terminal or reorder what it shows, left after sequences are removed: C0
 * controls (newline and carriage return too, so a value cannot start a fake line), DEL, C1 controls, the
 * Unicode line and paragraph separators, and the bidirectional overrides and isolates.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this file's job.
const CONTROL_CHARACTER = /[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** The same characters, minus C0 (which `JSON.stringify` already escapes). */
const JSON_UNESCAPED_CONTROL = /[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED_ESCAPES: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

/**
 * Makes text received from telemetry safe to print on a terminal: escape sequences are removed whole and every
 * other control character is shown as an escape (`\r`, `\x1b`, `\u202e`), so a span cannot retitle the
 * window, clear the screen, plant a hyperlink or overwrite a line. Printable Unicode, emoji included, is kept.
 * @example
 * sanitizeTerminalText("chat\x1b[2J\r✓ ok"); // "chat\\r✓ ok"
 */
export function sanitizeTerminalText(text: string): string {
  return text.replace(ESCAPE_SEQUENCE, "").replace(CONTROL_CHARACTER, escapeCharacter);
}

/**
 * Makes a `JSON.stringify` result safe to print: the characters JSON leaves raw but a terminal acts on (DEL,
 * C1 controls, line separators, bidirectional controls) become `\uXXXX` escapes, so the line still parses to
 * exactly the same value.
 */
export function escapeJsonForTerminal(json: string): string {
  return json.replace(JSON_UNESCAPED_CONTROL, (character) => `\\u${toHex(character, 4)}`);
}

function escapeCharacter(character: string): string {
  const named = NAMED_ESCAPES[character];
  if (named) return named;
  const code = character.charCodeAt(0);
  return code <= 0xff ? `\\x${toHex(character, 2)}` : `\\u${toHex(character, 4)}`;
}

function toHex(character: string, width: number): string {
  return character.charCodeAt(0).toString(16).padStart(width, "0");
}
