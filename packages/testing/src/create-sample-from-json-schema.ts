import { isRecord } from "./is-record.js";

/**
 * Builds a small value that satisfies a JSON schema (the subset structured outputs use: object, array,
 * string, number, integer, boolean, null, enum, const, anyOf, `$ref` to `$defs`), so a mock answer to a
 * `json_schema` request parses and validates.
 */
export function createSampleFromJsonSchema(schema: unknown): unknown {
  return createSample({ schema, root: schema, depth: 0 });
}

function createSample({ schema, root, depth }: { schema: unknown; root: unknown; depth: number }): unknown {
  if (!isRecord(schema) || depth > 20) return null;
  if ("const" in schema) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  if (typeof schema.$ref === "string") {
    return createSample({ schema: resolveReference(root, schema.$ref), root, depth: depth + 1 });
  }
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (Array.isArray(alternatives) && alternatives.length > 0) {
    return createSample({ schema: alternatives[0], root, depth: depth + 1 });
  }
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case "object": {
      const properties = isRecord(schema.properties) ? schema.properties : {};
      const result: Record<string, unknown> = {};
      for (const [key, property] of Object.entries(properties)) {
        result[key] = createSample({ schema: property, root, depth: depth + 1 });
      }
      return result;
    }
    case "array": {
      const minimum = typeof schema.minItems === "number" ? schema.minItems : 0;
      return Array.from({ length: minimum }, () =>
        createSample({ schema: schema.items, root, depth: depth + 1 }),
      );
    }
    case "string":
      return "mock";
    case "number":
    case "integer":
      return typeof schema.minimum === "number" ? schema.minimum : 0;
    case "boolean":
      return false;
    default:
      return isRecord(schema.properties)
        ? createSample({ schema: { ...schema, type: "object" }, root, depth: depth + 1 })
        : null;
  }
}

function resolveReference(root: unknown, reference: string): unknown {
  if (!reference.startsWith("#")) return undefined;
  let node: unknown = root;
  for (const segment of reference.slice(1).split("/").filter(Boolean)) {
    node = isRecord(node) ? node[segment.replaceAll("~1", "/").replaceAll("~0", "~")] : undefined;
  }
  return node;
}
