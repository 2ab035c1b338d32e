/** Marks a streamed text cut because it outgrew what content capture may record. */
export const CAPTURED_TEXT_CUT_MARKER = "…[truncated: longer than the content bound]";

/**
 * Appends a streamed piece to captured text, up to `maxLength` characters: a stream's content is
 * joined only for the content attributes, which keep at most `contentMaxBytes` anyway, so a long
 * generation must not grow an unbounded string on the side. Past the bound the text ends with
 * {@link CAPTURED_TEXT_CUT_MARKER} and later pieces are dropped.
 */
export function appendCapturedText(current: string, piece: string, maxLength: number): string {
  if (current.length + piece.length <= maxLength) return current + piece;
  if (current.endsWith(CAPTURED_TEXT_CUT_MARKER)) return current;
  return current + piece.slice(0, Math.max(0, maxLength - current.length)) + CAPTURED_TEXT_CUT_MARKER;
}
