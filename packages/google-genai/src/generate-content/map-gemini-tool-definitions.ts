import { asArray, asFields, asString, type ToolDefinition } from "@sightline/core/provider";

/**
 * Maps `config.tools` to semconv tool definitions: each function declaration as `function` (its
 * `parameters` or `parametersJsonSchema`), built-in tools (`googleSearch`, `codeExecution`, …) by
 * their key.
 */
export function mapGeminiToolDefinitions(tools: unknown): ToolDefinition[] {
  const definitions: ToolDefinition[] = [];
  for (const tool of asArray(tools)) {
    for (const [key, value] of Object.entries(asFields(tool))) {
      if (key !== "functionDeclarations") {
        definitions.push({ type: key, name: key });
        continue;
      }
      for (const declaration of asArray(value)) {
        const fields = asFields(declaration);
        definitions.push({
          type: "function",
          name: asString(fields.name) ?? "function",
          description: asString(fields.description),
          parameters: fields.parametersJsonSchema ?? fields.parameters,
        });
      }
    }
  }
  return definitions;
}
