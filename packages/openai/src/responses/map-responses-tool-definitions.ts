import { asArray, asFields, asString, type ToolDefinition } from "@sightline/core/provider";

/** Maps Responses `tools` (flat function tools and built-in tools) to semconv tool definitions. */
export function mapResponsesToolDefinitions(tools: unknown): ToolDefinition[] {
  return asArray(tools).map((tool) => {
    const fields = asFields(tool);
    const type = asString(fields.type) ?? "function";
    return {
      type,
      name: asString(fields.name) ?? type,
      description: asString(fields.description),
      parameters: fields.parameters,
    };
  });
}
