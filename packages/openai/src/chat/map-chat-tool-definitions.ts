import { asArray, asFields, asString, type ToolDefinition } from "@sightline/core/provider";

/** Maps chat `tools` to semconv tool definitions (captured content only). */
export function mapChatToolDefinitions(tools: unknown): ToolDefinition[] {
  return asArray(tools).map((tool) => {
    const fields = asFields(tool);
    const type = asString(fields.type) ?? "function";
    const definition = asFields(fields[type] ?? fields.function);
    return {
      type,
      name: asString(definition.name) ?? type,
      description: asString(definition.description),
      parameters: definition.parameters,
    };
  });
}
