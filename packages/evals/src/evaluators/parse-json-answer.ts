/** What parsing an answer as JSON gave. */
export type ParsedJsonAnswer = { ok: true; value: unknown } | { ok: false; error: string };

// A model asked for JSON often wraps it in one Markdown code fence; that fence is not part of the answer.
const FENCED = /^```[A-Za-z0-9_-]*\s*\n([\s\S]*?)\n?```$/;

/** Parses an answer as JSON after trimming it and unwrapping a single surrounding Markdown code fence. */
export function parseJsonAnswer(text: string): ParsedJsonAnswer {
  const trimmed = text.trim();
  if (trimmed.length === 0) return { ok: false, error: "the answer is empty" };
  const fenced = FENCED.exec(trimmed);
  const body = fenced ? (fenced[1] as string).trim() : trimmed;
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
