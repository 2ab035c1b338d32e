import type { InputMessage } from "@sightline/core/provider";

/** A chat-style message in a dataset row: `{ "role": "user", "content": "…" }`. */
export interface EvalChatMessage {
  /** `system`, `user`, `assistant` or `tool`. */
  role: string;
  /** The message text. */
  content: string;
}

/** One dataset row: what to ask, and what a good answer looks like. */
export interface EvalRow {
  /** Unique within the dataset; pairs a row's baseline and candidate results. */
  id: string;
  /** A prompt string, chat messages (`{ role, content }`) or semconv messages (`{ role, parts }`). */
  input: string | readonly (EvalChatMessage | InputMessage)[];
  /** What the answer should be or contain, for the evaluators (a string, a value, a schema …). Default: none. */
  expected?: unknown;
  /** Anything else (tags, a category, a source); passed to the target and shown in reports. Default: none. */
  metadata?: Record<string, unknown>;
}

/** One thing wrong with a dataset line, with how to fix it. */
export interface EvalDatasetProblem {
  /** 1-based line number in the JSONL text. */
  line: number;
  /** The field at fault (`id`, `input`, `input[1].role` …), or `line` for a line that is not a JSON object. */
  field: string;
  /** What is wrong and the fix, in one sentence. */
  message: string;
}

/** What {@link parseEvalDataset} read: the valid rows, and every problem found. */
export interface EvalDatasetParseResult {
  /** Rows in file order (valid lines only). */
  rows: EvalRow[];
  /** Problems, in line order; a dataset with any should not be run. */
  problems: EvalDatasetProblem[];
}
