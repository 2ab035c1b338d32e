import { isDeepEqual } from "./is-deep-equal.js";
import type { JsonSchema, SchemaViolation } from "./types.js";

/** Violations reported per validation; the first ones say enough and a huge document stays cheap. */
const MAX_VIOLATIONS = 20;
/** Nesting followed before giving up, so a cyclic or absurdly deep value cannot overflow the stack. */
const MAX_DEPTH = 64;

type SchemaObject = { [keyword: string]: unknown };

/**
 * Validates a JSON value against a JSON Schema subset: `type` (incl. `integer`, `null` and type lists),
 * `properties`, `required`, `additionalProperties` (boolean or schema), `items` (schema, or a list for
 * tuples), `prefixItems`, `enum`, `const`, `minimum`, `maximum`, `exclusiveMinimum`, `exclusiveMaximum`,
 * `minLength`, `maxLength` (in code points), `pattern` (a Unicode regex), `minItems`, `maxItems`, `anyOf`,
 * `oneOf`, `allOf`, `not`, and boolean schemas. Every other keyword (`$ref`, `format`, `patternProperties`,
 * `if`/`then`, `uniqueItems`, …) is ignored: a schema using them validates less than it says. Returns the
 * violations found (at most 20); an empty list means the value conforms. Never throws: an invalid `pattern`
 * is reported as a violation.
 */
export function validateJsonSchema(value: unknown, schema: JsonSchema): SchemaViolation[] {
  const violations: SchemaViolation[] = [];
  check({ value, schema, path: "", depth: 0, violations });
  return violations.slice(0, MAX_VIOLATIONS);
}

interface CheckState {
  value: unknown;
  schema: unknown;
  path: string;
  depth: number;
  violations: SchemaViolation[];
}

function check(state: CheckState): void {
  const { value, schema, path, violations } = state;
  if (violations.length >= MAX_VIOLATIONS) return;
  const fail = (message: string): void => {
    violations.push({ path, message });
  };
  if (schema === true || schema === undefined) return;
  if (schema === false) {
    fail("no value is allowed here");
    return;
  }
  if (typeof schema !== "object" || schema === null || Array.isArray(schema)) return;
  if (state.depth > MAX_DEPTH) {
    fail(`nesting deeper than ${MAX_DEPTH} levels is not checked`);
    return;
  }
  const keywords = schema as SchemaObject;

  if (keywords.type !== undefined && !matchesType(value, keywords.type)) {
    fail(`expected ${formatTypes(keywords.type)}, got ${typeOf(value)}`);
    return;
  }
  if (keywords.const !== undefined && !isDeepEqual(value, keywords.const)) {
    fail(`expected the constant ${JSON.stringify(keywords.const)}`);
  }
  if (Array.isArray(keywords.enum) && !keywords.enum.some((option) => isDeepEqual(value, option))) {
    fail(`expected one of ${JSON.stringify(keywords.enum).slice(0, 120)}`);
  }
  if (typeof value === "number") checkNumber(value, keywords, fail);
  if (typeof value === "string") checkString(value, keywords, fail);
  if (Array.isArray(value)) checkArray(value, keywords, state);
  else if (typeof value === "object" && value !== null) checkObject(value as SchemaObject, keywords, state);
  checkCombinators(keywords, state, fail);
}

function checkNumber(value: number, keywords: SchemaObject, fail: (message: string) => void): void {
  const { minimum, maximum, exclusiveMinimum, exclusiveMaximum } = keywords;
  if (typeof minimum === "number" && value < minimum) fail(`${value} is below the minimum ${minimum}`);
  if (typeof maximum === "number" && value > maximum) fail(`${value} is above the maximum ${maximum}`);
  if (typeof exclusiveMinimum === "number" && value <= exclusiveMinimum)
    fail(`${value} is not above ${exclusiveMinimum}`);
  if (typeof exclusiveMaximum === "number" && value >= exclusiveMaximum)
    fail(`${value} is not below ${exclusiveMaximum}`);
}

function checkString(value: string, keywords: SchemaObject, fail: (message: string) => void): void {
  const { minLength, maxLength, pattern } = keywords;
  if (typeof minLength === "number" || typeof maxLength === "number") {
    const length = [...value].length;
    if (typeof minLength === "number" && length < minLength)
      fail(`the string has ${length} characters, fewer than ${minLength}`);
    if (typeof maxLength === "number" && length > maxLength)
      fail(`the string has ${length} characters, more than ${maxLength}`);
  }
  if (typeof pattern === "string") {
    const regex = compilePattern(pattern);
    if (regex === undefined) fail(`the schema's pattern ${JSON.stringify(pattern)} is not a valid regex`);
    else if (!regex.test(value)) fail(`the string does not match ${JSON.stringify(pattern)}`);
  }
}

function checkArray(value: unknown[], keywords: SchemaObject, state: CheckState): void {
  const { minItems, maxItems, items, prefixItems } = keywords;
  if (typeof minItems === "number" && value.length < minItems)
    state.violations.push({ path: state.path, message: `${value.length} items, fewer than ${minItems}` });
  if (typeof maxItems === "number" && value.length > maxItems)
    state.violations.push({ path: state.path, message: `${value.length} items, more than ${maxItems}` });
  // Draft 2020-12 spells tuples `prefixItems` (then `items` is for the rest); draft-07 spells them `items: [...]`.
  const tuple = Array.isArray(prefixItems) ? prefixItems : Array.isArray(items) ? items : undefined;
  const rest = Array.isArray(items) ? keywords.additionalItems : items;
  value.forEach((item, index) => {
    const schema = tuple && index < tuple.length ? tuple[index] : rest;
    if (schema !== undefined)
      check({ ...state, value: item, schema, path: `${state.path}/${index}`, depth: state.depth + 1 });
  });
}

function checkObject(value: SchemaObject, keywords: SchemaObject, state: CheckState): void {
  const properties = isObject(keywords.properties) ? keywords.properties : {};
  if (Array.isArray(keywords.required)) {
    for (const key of keywords.required) {
      if (typeof key === "string" && !Object.hasOwn(value, key))
        state.violations.push({
          path: state.path,
          message: `the required property ${JSON.stringify(key)} is missing`,
        });
    }
  }
  for (const [key, item] of Object.entries(value)) {
    const path = `${state.path}/${escapePointer(key)}`;
    if (Object.hasOwn(properties, key)) {
      check({ ...state, value: item, schema: properties[key], path, depth: state.depth + 1 });
    } else if (keywords.additionalProperties === false) {
      state.violations.push({
        path: state.path,
        message: `the property ${JSON.stringify(key)} is not allowed`,
      });
    } else if (isObject(keywords.additionalProperties)) {
      check({ ...state, value: item, schema: keywords.additionalProperties, path, depth: state.depth + 1 });
    }
  }
}

function checkCombinators(keywords: SchemaObject, state: CheckState, fail: (message: string) => void): void {
  const passes = (schema: unknown): boolean => {
    const inner: SchemaViolation[] = [];
    check({ ...state, schema, depth: state.depth + 1, violations: inner });
    return inner.length === 0;
  };
  if (Array.isArray(keywords.allOf)) {
    for (const schema of keywords.allOf) check({ ...state, schema, depth: state.depth + 1 });
  }
  if (Array.isArray(keywords.anyOf) && !keywords.anyOf.some(passes)) fail("matches none of anyOf");
  if (Array.isArray(keywords.oneOf)) {
    const matching = keywords.oneOf.filter(passes).length;
    if (matching !== 1) fail(`matches ${matching} of oneOf, not exactly one`);
  }
  if (keywords.not !== undefined && passes(keywords.not)) fail("matches the schema under not");
}

function matchesType(value: unknown, type: unknown): boolean {
  if (Array.isArray(type)) return type.some((option) => matchesType(value, option));
  switch (type) {
    case "integer":
      return typeof value === "number" && Number.isInteger(value);
    case "number":
      return typeof value === "number" && Number.isFinite(value);
    case "array":
      return Array.isArray(value);
    case "object":
      return typeof value === "object" && value !== null && !Array.isArray(value);
    case "null":
      return value === null;
    case "string":
    case "boolean":
      return typeof value === type;
    default:
      // An unknown type name is ignored, like every keyword outside the subset.
      return true;
  }
}

function typeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number" && Number.isInteger(value)) return "integer";
  return typeof value;
}

function formatTypes(type: unknown): string {
  return Array.isArray(type) ? type.join(" or ") : String(type);
}

function isObject(value: unknown): value is SchemaObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function escapePointer(key: string): string {
  return key.replaceAll("~", "~0").replaceAll("/", "~1");
}

function compilePattern(pattern: string): RegExp | undefined {
  try {
    return new RegExp(pattern, "u");
  } catch {
    return undefined;
  }
}
