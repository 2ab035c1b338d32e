import { asFields } from "@sightline/core/provider";

type Fields = Record<string, unknown>;

/** What the chat and completions wire said about a refusal, gathered from a body or from stream chunks. */
export interface OpenAIRefusalSignals {
  /** Finish reasons of every choice (`content_filter` is a filtered answer). */
  finishReasons?: readonly (string | undefined)[];
  /** A message (or a `delta.refusal`) carried refusal text. */
  refused?: boolean;
  /** An Azure content filter result (prompt or choice) reported `filtered: true`. */
  filtered?: boolean;
}

/**
 * The refusal an OpenAI-format answer reports in its own fields: `content_filter` when a choice stopped on the
 * content filter or an Azure filter result filtered, `refusal` when the model declined through the `refusal`
 * field (structured outputs and newer models), else `undefined`. Needs no content capture.
 */
export function readOpenAIRefusal(signals: OpenAIRefusalSignals): string | undefined {
  if (signals.filtered || signals.finishReasons?.includes("content_filter")) return "content_filter";
  if (signals.refused) return "refusal";
  return undefined;
}

/**
 * Whether a body or chunk carries an Azure OpenAI content filter result that filtered: `prompt_filter_results`
 * (`prompt_annotations` in older API versions) or a choice's `content_filter_results`, any category with
 * `filtered: true`.
 */
export function hasAzureContentFilter(fields: Record<string, unknown>): boolean {
  // Runs on every stream chunk: plain loops over the arrays as they are, nothing allocated.
  return (
    anyFiltered(fields.prompt_filter_results) ||
    anyFiltered(fields.prompt_annotations) ||
    anyFiltered(fields.choices)
  );
}

/** Whether any entry of `entries` (when an array) has a `content_filter_results` that filtered. */
function anyFiltered(entries: unknown): boolean {
  if (!Array.isArray(entries)) return false;
  for (const entry of entries) {
    if (typeof entry === "object" && entry !== null && isFiltered((entry as Fields).content_filter_results))
      return true;
  }
  return false;
}

function isFiltered(results: unknown): boolean {
  if (typeof results !== "object" || results === null) return false;
  const categories = results as Fields;
  for (const name in categories) if (asFields(categories[name]).filtered === true) return true;
  return false;
}
