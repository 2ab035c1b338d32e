/**
 * Validates a value against the subset of JSON Schema the GenAI content schemas use: `type`, `const`, `enum`,
 * `properties`, `required`, `additionalProperties` (boolean), `items`, `anyOf`, `oneOf` and local `$ref`s
 * (`#/$defs/…`). A `$ref` to another document (the draft-07 meta-schema a tool's `parameters` points at)
 * accepts anything: checking tool parameter schemas is out of scope. `format` is not checked. Returns one
 * message per problem, each with its JSON path; empty when the value is valid.
 */
export function validateJsonSchema(value: unknown, schema: unknown): string[] {
  const root = schema as JsonSchema;
  return validateAt({ value, schema: root, root, path: "$" });
}

interface JsonSchema {
  type?: string | string[];
  const?: unknown;
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
}

interface Position {
  value: unknown;
  schema: JsonSchema;
  root: JsonSchema;
  path: string;
}

/** The JSON Schema type name of a value (`integer` only for whole numbers, which also match `number`). */
function typeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

function matchesType(value: unknown, type: string): boolean {
  const actual = typeOf(value);
  return actual === type || (type === "number" && actual === "integer");
}

function validateAt(position: Position): string[] {
  const { value, schema, root, path } = position;
  if (schema.$ref !== undefined) {
    if (!schema.$ref.startsWith("#/$defs/")) return [];
    const target = root.$defs?.[schema.$ref.slice("#/$defs/".length)];
    if (target === undefined) return [`${path}: unresolved $ref ${schema.$ref}`];
    return validateAt({ ...position, schema: target });
  }
  if (schema.anyOf !== undefined) {
    const results = schema.anyOf.map((option) => validateAt({ ...position, schema: option }));
    if (!results.some((problems) => problems.length === 0))
      return [`${path}: matches none of anyOf (${results.map((problems) => problems[0]).join(" | ")})`];
  }
  if (schema.oneOf !== undefined) {
    const matching = schema.oneOf.filter(
      (option) => validateAt({ ...position, schema: option }).length === 0,
    ).length;
    if (matching !== 1) return [`${path}: matches ${matching} of oneOf, not exactly 1`];
  }
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (!types.some((type) => matchesType(value, type)))
      return [`${path}: expected ${types.join(" or ")}, got ${typeOf(value)}`];
  }
  if ("const" in schema && value !== schema.const)
    return [`${path}: expected ${JSON.stringify(schema.const)}, got ${JSON.stringify(value)}`];
  if (schema.enum !== undefined && !schema.enum.includes(value))
    return [`${path}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`];
  if (Array.isArray(value) && schema.items !== undefined) {
    const items = schema.items;
    return value.flatMap((item, index) =>
      validateAt({ value: item, schema: items, root, path: `${path}[${index}]` }),
    );
  }
  if (typeOf(value) === "object") return validateObject(position, value as Record<string, unknown>);
  return [];
}

function validateObject(position: Position, object: Record<string, unknown>): string[] {
  const { schema, root, path } = position;
  const problems = (schema.required ?? [])
    .filter((name) => !(name in object))
    .map((name) => `${path}: missing required property "${name}"`);
  for (const [name, inner] of Object.entries(object)) {
    const propertySchema = schema.properties?.[name];
    if (propertySchema !== undefined)
      problems.push(...validateAt({ value: inner, schema: propertySchema, root, path: `${path}.${name}` }));
    else if (schema.additionalProperties === false) problems.push(`${path}: unexpected property "${name}"`);
  }
  return problems;
}
