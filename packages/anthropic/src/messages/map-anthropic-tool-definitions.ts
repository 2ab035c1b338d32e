import { asArray, asFields, asString, type ToolDefinition } from "@sightline/core/provider";

/**
 * Maps Messages `tools` to semconv tool definitions: custom tools as `function` with their
 * `input_schema` as parameters; server tools (`web_search_…`, `bash_…`) by their versioned type.
 */
export function mapAnthropicToolDefinitions(tools: unknown): ToolDefinition[] {
  return asArray(tools).map((tool) => {
    const fields = asFields(tool);
    const type = asString(fields.type);
    const name = asString(fields.name) ?? type ?? "tool";
    if (type === undefined || type === "custom") {
      return {
        type: "function",
        name,
        description: asString(fields.description),
        parameters: fields.input_schema,
      };
    }
    return { type, name };
  });
}
