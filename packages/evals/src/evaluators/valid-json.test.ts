import { describe, expect, it } from "vitest";
import { expectWellFormed, runEvaluator } from "./test-helpers.js";
import { validJson } from "./valid-json.js";

describe("validJson", () => {
  it("passes a JSON answer, also inside one Markdown fence", async () => {
    for (const outputText of ['{"a":1}', " [1, 2] ", '```json\n{"a": [true, null]}\n```']) {
      const result = await runEvaluator(validJson(), { outputText });
      expectWellFormed(result);
      expect(result).toMatchObject({ name: "valid_json", passed: true, score: 1, label: "pass" });
    }
  });

  it("fails prose, truncated JSON and an empty answer with the parser's reason", async () => {
    for (const outputText of ["Sure! Here it is", '{"a": 1', ""]) {
      const result = await runEvaluator(validJson(), { outputText });
      expectWellFormed(result);
      expect(result).toMatchObject({ passed: false, score: 0, label: "invalid_json" });
      expect(result.explanation).toMatch(/^The answer is not valid JSON: .+/);
    }
  });
});
