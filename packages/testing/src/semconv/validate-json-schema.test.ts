import { describe, expect, it } from "vitest";
import { validateJsonSchema } from "./validate-json-schema.js";

const SCHEMA = {
  $defs: {
    Text: {
      type: "object",
      properties: { type: { const: "text", type: "string" }, content: { type: "string" } },
      required: ["type", "content"],
      additionalProperties: false,
    },
    Role: { enum: ["user", "assistant"], type: "string" },
  },
  type: "array",
  items: {
    type: "object",
    properties: {
      role: { anyOf: [{ $ref: "#/$defs/Role" }, { type: "string" }] },
      parts: { type: "array", items: { oneOf: [{ $ref: "#/$defs/Text" }] } },
      name: { anyOf: [{ type: "string" }, { type: "null" }] },
      parameters: { $ref: "http://json-schema.org/draft-07/schema#" },
      count: { type: "integer" },
    },
    required: ["role", "parts"],
  },
};

describe("validateJsonSchema", () => {
  it("accepts a value that fits, custom roles and external refs included", () => {
    const value = [
      {
        role: "user",
        parts: [{ type: "text", content: "hi" }],
        name: null,
        parameters: { any: 1 },
        count: 2,
      },
      { role: "critic", parts: [], extra: true },
    ];
    expect(validateJsonSchema(value, SCHEMA)).toEqual([]);
  });

  it("reports each problem with its path", () => {
    const value = [
      { role: 1, parts: [{ type: "image", content: "x" }] },
      { parts: [{ type: "text", content: "x", url: "u" }], count: 1.5 },
      "plain",
    ];
    expect(validateJsonSchema(value, SCHEMA)).toEqual([
      "$[0].role: matches none of anyOf ($[0].role: expected string, got integer | $[0].role: expected string, got integer)",
      "$[0].parts[0]: matches 0 of oneOf, not exactly 1",
      '$[1]: missing required property "role"',
      "$[1].parts[0]: matches 0 of oneOf, not exactly 1",
      "$[1].count: expected integer, got number",
      "$[2]: expected object, got string",
    ]);
  });
});
