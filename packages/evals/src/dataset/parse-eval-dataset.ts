import type { EvalDatasetParseResult, EvalDatasetProblem, EvalRow } from "./types.js";

const KNOWN_FIELDS = new Set(["id", "input", "expected", "metadata"]);

/**
 * Reads a JSONL dataset: one JSON object per line with `id` (a non-empty string or an integer), `input`
 * (a prompt string or a non-empty array of `{ role, content }` / `{ role, parts }` messages), optional
 * `expected` (anything) and optional `metadata` (an object). Blank lines are skipped. Every problem names
 * its line, its field and the fix; unknown fields are problems too, so a typo such as `expect` does not
 * silently leave a row without its expectation. Duplicate ids are problems (rows are paired by id).
 * @example
 * const { rows, problems } = parseEvalDataset(await readFile("rows.jsonl", "utf8"));
 * if (problems.length > 0) throw new Error(problems.map((p) => `line ${p.line}: ${p.message}`).join("\n"));
 */
export function parseEvalDataset(text: string): EvalDatasetParseResult {
  const rows: EvalRow[] = [];
  const problems: EvalDatasetProblem[] = [];
  const seen = new Map<string, number>();
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  lines.forEach((source, index) => {
    const line = index + 1;
    if (source.trim() === "") return;
    const problem = (field: string, message: string) => problems.push({ line, field, message });
    let value: unknown;
    try {
      value = JSON.parse(source);
    } catch (error) {
      problem("line", `not valid JSON (${(error as Error).message}); write one JSON object per line`);
      return;
    }
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      problem("line", 'not a JSON object; each line is one row like {"id":"1","input":"…","expected":"…"}');
      return;
    }
    const record = value as Record<string, unknown>;
    const before = problems.length;
    for (const field of Object.keys(record)) {
      if (KNOWN_FIELDS.has(field)) continue;
      const hint = suggestField(field);
      problem(
        field,
        `unknown field "${field}"${hint ? `; did you mean "${hint}"?` : ""} Rows have id, input, expected and metadata; put anything else in metadata`,
      );
    }
    const id = readId(record.id);
    if (id === undefined) {
      problem(
        "id",
        'missing or empty; give each row a unique "id" (a string such as "refund-1", or an integer)',
      );
    } else if (seen.has(id)) {
      problem(
        "id",
        `"${id}" is also the id of line ${seen.get(id)}; ids must be unique (rows are paired by id)`,
      );
    }
    const inputProblem = checkInput(record.input);
    if (inputProblem) problem(inputProblem.field, inputProblem.message);
    const metadata = record.metadata;
    if (
      metadata !== undefined &&
      (typeof metadata !== "object" || metadata === null || Array.isArray(metadata))
    ) {
      problem("metadata", 'must be an object, e.g. {"category":"refunds"}; or leave it out');
    }
    if (id !== undefined && !seen.has(id)) seen.set(id, line);
    if (problems.length > before || id === undefined) return;
    rows.push({
      id,
      input: record.input as EvalRow["input"],
      ...("expected" in record ? { expected: record.expected } : {}),
      ...(metadata !== undefined ? { metadata: metadata as Record<string, unknown> } : {}),
    });
  });
  return { rows, problems };
}

function readId(value: unknown): string | undefined {
  if (typeof value === "string" && value.trim() !== "") return value;
  if (typeof value === "number" && Number.isInteger(value)) return String(value);
  return undefined;
}

function checkInput(input: unknown): { field: string; message: string } | undefined {
  const fix =
    'give a prompt string ("input":"What is 2+2?") or messages ("input":[{"role":"user","content":"What is 2+2?"}])';
  if (input === undefined) return { field: "input", message: `missing; ${fix}` };
  if (typeof input === "string") {
    return input.trim() === "" ? { field: "input", message: `is an empty string; ${fix}` } : undefined;
  }
  if (!Array.isArray(input)) return { field: "input", message: `must be a string or an array; ${fix}` };
  if (input.length === 0) return { field: "input", message: `is an empty array; ${fix}` };
  for (const [index, message] of input.entries()) {
    const field = `input[${index}]`;
    if (typeof message !== "object" || message === null || Array.isArray(message)) {
      return { field, message: `must be a message object like {"role":"user","content":"…"}` };
    }
    const record = message as Record<string, unknown>;
    if (typeof record.role !== "string" || record.role === "") {
      return {
        field: `${field}.role`,
        message: 'missing; set "role" to "system", "user", "assistant" or "tool"',
      };
    }
    const hasContent = typeof record.content === "string";
    const hasParts = Array.isArray(record.parts);
    if (!hasContent && !hasParts) {
      return {
        field: `${field}.content`,
        message: 'missing; give the text as "content" (a string), or semconv "parts" (an array)',
      };
    }
  }
  return undefined;
}

/** The known field a misspelt one most likely meant (same first two letters). */
function suggestField(field: string): string | undefined {
  const lower = field.toLowerCase();
  return [...KNOWN_FIELDS].find((known) => lower !== known && lower.slice(0, 2) === known.slice(0, 2));
}
