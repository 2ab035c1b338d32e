/** A built-in Responses tool the mock can report a call of. */
export type MockBuiltinTool = "web_search" | "file_search" | "code_interpreter";

/**
 * Completed output items of built-in Responses tools (`web_search_call`, `file_search_call`,
 * `code_interpreter_call`), shaped like the real API's, placed before the message.
 */
export function buildBuiltinToolCalls(options: {
  tools: readonly MockBuiltinTool[];
  sequence: number;
}): Record<string, unknown>[] {
  return options.tools.map((tool, index) => {
    const id = `${tool.slice(0, 2)}_mock${options.sequence}_${index}`;
    switch (tool) {
      case "web_search":
        return {
          id,
          type: "web_search_call",
          status: "completed",
          action: { type: "search", query: "sightline mock" },
        };
      case "file_search":
        return {
          id,
          type: "file_search_call",
          status: "completed",
          queries: ["sightline mock"],
          results: null,
        };
      default:
        return {
          id,
          type: "code_interpreter_call",
          status: "completed",
          code: "print(1 + 1)",
          container_id: `cntr_mock${options.sequence}`,
          outputs: null,
        };
    }
  });
}
