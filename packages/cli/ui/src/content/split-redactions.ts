/**
 * Sightline's redaction placeholder, `[REDACTED:<kind>]` (core's createRedactor default, e.g.
 * `[REDACTED:email]`, `[REDACTED:redaction_failed]`).
 */
const REDACTION_MARKER = /\[REDACTED:[A-Za-z0-9_.-]{1,64}\]/g;

/** A run of text, flagged when it is a redaction marker. */
export interface TextSegment {
  text: string;
  redacted: boolean;
}

/**
 * Splits text around redaction markers so the UI can highlight them (a reader should see that a value
 * was removed, not take the marker for what the user wrote).
 * @example splitRedactions("mail [REDACTED:email] now"); // 3 segments, the middle one redacted
 */
export function splitRedactions(text: string): TextSegment[] {
  const segments: TextSegment[] = [];
  let last = 0;
  for (const match of text.matchAll(REDACTION_MARKER)) {
    const at = match.index ?? 0;
    if (at > last) segments.push({ text: text.slice(last, at), redacted: false });
    segments.push({ text: match[0], redacted: true });
    last = at + match[0].length;
  }
  if (last < text.length || segments.length === 0) segments.push({ text: text.slice(last), redacted: false });
  return segments;
}
