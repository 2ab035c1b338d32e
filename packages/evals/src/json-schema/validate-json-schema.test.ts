import { describe, expect, it } from "vitest";
import { validateJsonSchema } from "./validate-json-schema.js";

const person = {
  type: "object",
  required: ["name", "age"],
  additionalProperties: false,
  properties: {
    name: { type: "string", minLength: 2, maxLength: 10, pattern: "^[A-Z]" },
    age: { type: "integer", minimum: 0, maximum: 150 },
    tags: { type: "array", items: { enum: ["a", "b"] }, minItems: 1, maxItems: 2 },
    kind: { const: "person" },
  },
};

describe("validateJsonSchema", () => {
  it("accepts a conforming document", () => {
    expect(validateJsonSchema({ name: "Ada", age: 36, tags: ["a"], kind: "person" }, person)).toEqual([]);
  });

  it("reports each keyword's violation with its JSON pointer", () => {
    const violations = validateJsonSchema(
      { name: "x", age: 36.5, tags: ["c", "a", "b"], kind: "robot", extra: 1 },
      person,
    );
    const byPath = violations.map((violation) => `${violation.path} ${violation.message}`);
    expect(byPath).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\/name .*fewer than 2/),
        expect.stringMatching(/^\/name does not match|^\/name the string does not match/),
        expect.stringMatching(/^\/age expected integer, got number/),
        expect.stringMatching(/^\/tags .*more than 2/),
        expect.stringMatching(/^\/tags\/0 expected one of/),
        expect.stringMatching(/^\/kind expected the constant "person"/),
        expect.stringMatching(/^ the property "extra" is not allowed/),
      ]),
    );
    expect(validateJsonSchema({ name: "Ada" }, person)).toEqual([
      { path: "", message: 'the required property "age" is missing' },
    ]);
  });

  it("applies numeric bounds, type lists, tuples and additionalProperties schemas", () => {
    expect(validateJsonSchema(-1, { minimum: 0 })).toHaveLength(1);
    expect(validateJsonSchema(151, { maximum: 150 })).toHaveLength(1);
    expect(validateJsonSchema(0, { exclusiveMinimum: 0 })).toHaveLength(1);
    expect(validateJsonSchema(null, { type: ["string", "null"] })).toEqual([]);
    expect(validateJsonSchema(3, { type: ["string", "null"] })).toHaveLength(1);
    expect(validateJsonSchema(["a", 1], { items: [{ type: "string" }, { type: "number" }] })).toEqual([]);
    expect(
      validateJsonSchema(["a", "b"], { prefixItems: [{ type: "string" }], items: { type: "number" } }),
    ).toHaveLength(1);
    expect(validateJsonSchema({ x: 1, y: "no" }, { additionalProperties: { type: "number" } })).toEqual([
      { path: "/y", message: "expected number, got string" },
    ]);
  });

  it("combines schemas with anyOf, oneOf, allOf and not", () => {
    const anyOf = { anyOf: [{ type: "string" }, { type: "number" }] };
    expect(validateJsonSchema("a", anyOf)).toEqual([]);
    expect(validateJsonSchema(true, anyOf)[0]?.message).toBe("matches none of anyOf");
    const oneOf = { oneOf: [{ type: "integer" }, { type: "number" }] };
    expect(validateJsonSchema(1.5, oneOf)).toEqual([]);
    expect(validateJsonSchema(2, oneOf)[0]?.message).toBe("matches 2 of oneOf, not exactly one");
    expect(validateJsonSchema(5, { allOf: [{ minimum: 1 }, { maximum: 3 }] })).toHaveLength(1);
    expect(validateJsonSchema("x", { not: { type: "string" } })).toHaveLength(1);
  });

  it("ignores unknown keywords, reports a broken pattern, and handles boolean schemas", () => {
    expect(validateJsonSchema("anything", { $ref: "#/nowhere", format: "email" })).toEqual([]);
    expect(validateJsonSchema("a", { pattern: "(" })[0]?.message).toMatch(/not a valid regex/);
    expect(validateJsonSchema(1, true)).toEqual([]);
    expect(validateJsonSchema(1, false)).toHaveLength(1);
    expect(validateJsonSchema({ a: 1 }, { properties: { a: false } })).toEqual([
      { path: "/a", message: "no value is allowed here" },
    ]);
  });

  it("stays bounded on deep and wide documents", () => {
    let deep: unknown = 1;
    let schema: Record<string, unknown> = { type: "string" };
    for (let level = 0; level < 100; level++) {
      deep = { next: deep };
      schema = { properties: { next: schema } };
    }
    expect(validateJsonSchema(deep, schema).length).toBeGreaterThan(0);
    const wide = Array.from({ length: 1000 }, () => "x");
    expect(validateJsonSchema(wide, { items: { type: "number" } })).toHaveLength(20);
  });
});
