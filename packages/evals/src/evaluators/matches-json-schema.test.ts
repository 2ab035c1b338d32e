import { describe, expect, it } from "vitest";
import { matchesJsonSchema } from "./matches-json-schema.js";
import { expectWellFormed, runEvaluator } from "./test-helpers.js";

const schema = { type: "object", required: ["city"], properties: { city: { type: "string" } } };

describe("matchesJsonSchema", () => {
  it("passes a conforming answer", async () => {
    const result = await runEvaluator(matchesJsonSchema(schema), { outputText: '{"city":"Paris"}' });
    expectWellFormed(result);
    expect(result).toMatchObject({ passed: true, score: 1, label: "pass" });
  });

  it("fails a non-conforming answer with partial credit and the first violation", async () => {
    const result = await runEvaluator(matchesJsonSchema(schema), { outputText: '{"town":"Paris"}' });
    expectWellFormed(result);
    expect(result).toMatchObject({ passed: false, score: 0.5, label: "schema_mismatch" });
    expect(result.explanation).toContain('required property "city" is missing');
    const worse = await runEvaluator(matchesJsonSchema({ ...schema, additionalProperties: false }), {
      outputText: '{"town":"Paris"}',
    });
    expect(worse.score).toBe(0.25);
  });

  it("fails invalid JSON with score 0", async () => {
    const result = await runEvaluator(matchesJsonSchema(schema), { outputText: "Paris" });
    expect(result).toMatchObject({ passed: false, score: 0, label: "invalid_json" });
  });

  it("takes the schema from the row's expected value, and fails clearly without one", async () => {
    const fromRow = await runEvaluator(matchesJsonSchema(), { outputText: '{"city":3}', expected: schema });
    expect(fromRow).toMatchObject({ passed: false, label: "schema_mismatch" });
    const none = await runEvaluator(matchesJsonSchema(), { outputText: '{"city":"Paris"}' });
    expectWellFormed(none);
    expect(none).toMatchObject({ passed: false, label: "no_schema" });
  });
});
