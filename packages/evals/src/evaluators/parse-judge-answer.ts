/** What a judge's answer gave: a score in [0, 1] and its explanation, or why it could not be read. */
export type ParsedJudgeAnswer =
  | { ok: true; score: number; explanation?: string }
  | { ok: false; reason: string };

/** The scale a judge is asked to score on. */
export type JudgeScale = "0-1" | "1-5";

const SCORE_KEYS = ["score", "rating", "grade"];
const EXPLANATION_KEYS = ["explanation", "reason", "reasoning", "rationale"];

/**
 * Reads a judge's answer tolerantly: the first JSON object in it (fenced or surrounded by prose), its
 * `score` (or `rating`, `grade`; a number or a numeric string) and `explanation` (or `reason`, `rationale`);
 * failing JSON, a `score: <number>` in the text. The score is normalised to [0, 1]: on the `0-1` scale a value
 * in (1, 5] is read as a 1–5 rating (judges drift into them), on the `1-5` scale every value is.
 */
export function parseJudgeAnswer(text: string, scale: JudgeScale): ParsedJudgeAnswer {
  if (typeof text !== "string" || text.trim() === "")
    return { ok: false, reason: "the judge answered nothing" };
  let raw: unknown;
  let explanation: string | undefined;
  const object = readFirstObject(text);
  if (object) {
    raw = SCORE_KEYS.map((key) => object[key]).find((value) => value !== undefined);
    const said = EXPLANATION_KEYS.map((key) => object[key]).find((value) => typeof value === "string");
    explanation = typeof said === "string" ? said : undefined;
  }
  if (raw === undefined) raw = /\b(?:score|rating)\b["']?\s*[:=]\s*["']?(-?\d+(?:\.\d+)?)/i.exec(text)?.[1];
  const value = typeof raw === "string" && raw.trim() !== "" ? Number(raw) : raw;
  if (typeof value !== "number" || !Number.isFinite(value))
    return { ok: false, reason: "the judge's answer has no numeric score" };
  const score = normalise(value, scale);
  if (score === undefined)
    return { ok: false, reason: `the judge's score ${value} is outside the ${scale} scale` };
  return { ok: true, score, explanation };
}

function normalise(value: number, scale: JudgeScale): number | undefined {
  if (scale === "1-5") return value >= 1 && value <= 5 ? (value - 1) / 4 : undefined;
  if (value >= 0 && value <= 1) return value;
  if (value > 1 && value <= 5) return (value - 1) / 4;
  return undefined;
}

function readFirstObject(text: string): Record<string, unknown> | undefined {
  const start = text.indexOf("{");
  if (start === -1) return undefined;
  // From the last closing brace inward, so an object with nested braces or trailing prose still parses.
  for (let end = text.lastIndexOf("}"); end > start; end = text.lastIndexOf("}", end - 1)) {
    try {
      const value: unknown = JSON.parse(text.slice(start, end + 1));
      if (typeof value === "object" && value !== null && !Array.isArray(value))
        return value as Record<string, unknown>;
      return undefined;
    } catch {
      // A shorter slice may parse.
    }
  }
  return undefined;
}
