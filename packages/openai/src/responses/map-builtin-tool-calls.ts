import type { Attributes } from "@opentelemetry/api";
import { asArray, asFields, asString, type GenAIBilledUnits } from "@sightline/core/provider";
import { ATTR_SIGHTLINE_BUILTIN_TOOL_CALLS_PREFIX } from "@sightline/core/semconv";

/** Output item types of tools OpenAI runs itself, by the tool name they are counted under. */
const BUILTIN_TOOL_BY_ITEM: Readonly<Record<string, string>> = {
  web_search_call: "web_search",
  file_search_call: "file_search",
  code_interpreter_call: "code_interpreter",
  image_generation_call: "image_generation",
  computer_call: "computer_use",
  mcp_call: "mcp",
  local_shell_call: "local_shell",
};

/**
 * Counts the built-in tool calls in a Responses output (`sightline.builtin_tool_calls.<tool>`) and turns the
 * per-call priced ones into billed units: `web_search_call` (the GA `web_search` tool) and `file_search_call`.
 * A call of `web_search_preview` is billed as `web_search_preview_call`, which the catalog leaves unpriced
 * (its price depends on the model family). Code interpreter is billed per container session, not per call, and
 * image generation by its own tokens, so neither becomes a unit here.
 */
export function mapBuiltinToolCalls(response: Record<string, unknown>): {
  attributes: Attributes;
  billedUnits: GenAIBilledUnits[];
} {
  const counts = new Map<string, number>();
  for (const item of asArray(response.output)) {
    const tool = BUILTIN_TOOL_BY_ITEM[asString(asFields(item).type) ?? ""];
    if (tool) counts.set(tool, (counts.get(tool) ?? 0) + 1);
  }
  const attributes: Attributes = {};
  const billedUnits: GenAIBilledUnits[] = [];
  for (const [tool, count] of counts) attributes[ATTR_SIGHTLINE_BUILTIN_TOOL_CALLS_PREFIX + tool] = count;
  const webSearches = counts.get("web_search");
  if (webSearches) {
    const preview = asArray(response.tools).some((tool) =>
      (asString(asFields(tool).type) ?? "").startsWith("web_search_preview"),
    );
    billedUnits.push({
      unit: preview ? "web_search_preview_call" : "web_search_call",
      quantity: webSearches,
    });
  }
  const fileSearches = counts.get("file_search");
  if (fileSearches) billedUnits.push({ unit: "file_search_call", quantity: fileSearches });
  return { attributes, billedUnits };
}
