import { describe, expect, it } from "vitest";
import { convertRowInput, toChatMessages } from "./convert-row-input.js";
import { parseEvalDataset } from "./parse-eval-dataset.js";

describe("parseEvalDataset", () => {
  it("reads rows with string and message inputs, skipping blank lines", () => {
    const text = [
      '{"id":"a","input":"What is 2+2?","expected":"4","metadata":{"topic":"math"}}',
      "",
      '{"id":7,"input":[{"role":"system","content":"Be brief."},{"role":"user","content":"Hi"}]}',
      '{"id":"c","input":[{"role":"user","parts":[{"type":"text","content":"Hey"}]}],"expected":{"ok":true}}',
    ].join("\n");
    const { rows, problems } = parseEvalDataset(text);
    expect(problems).toEqual([]);
    expect(rows.map((row) => row.id)).toEqual(["a", "7", "c"]);
    expect(rows[0]).toEqual({ id: "a", input: "What is 2+2?", expected: "4", metadata: { topic: "math" } });
    expect(rows[1]).not.toHaveProperty("expected");
    expect(rows[2]?.expected).toEqual({ ok: true });
  });

  it("names the line, the field and the fix of each problem", () => {
    const text = [
      '{"id":"a","input":"ok"}',
      "{not json",
      '["an","array"]',
      '{"input":"no id"}',
      '{"id":"a","input":"duplicate"}',
      '{"id":"e","input":""}',
      '{"id":"f","input":[{"content":"no role"}]}',
      '{"id":"g","input":"x","expect":"typo"}',
      '{"id":"h","input":"x","metadata":"not an object"}',
      '{"id":"i","input":[{"role":"user"}]}',
    ].join("\n");
    const { rows, problems } = parseEvalDataset(text);
    expect(rows.map((row) => row.id)).toEqual(["a"]);
    expect(problems.map(({ line, field }) => `${line}:${field}`)).toEqual([
      "2:line",
      "3:line",
      "4:id",
      "5:id",
      "6:input",
      "7:input[0].role",
      "8:expect",
      "9:metadata",
      "10:input[0].content",
    ]);
    expect(problems[0]?.message).toMatch(/not valid JSON .*one JSON object per line/);
    expect(problems[3]?.message).toBe(
      '"a" is also the id of line 1; ids must be unique (rows are paired by id)',
    );
    expect(problems[6]?.message).toMatch(/unknown field "expect"; did you mean "expected"\?/);
  });
});

describe("row input conversion", () => {
  it("turns a string into one user message, and chat messages into semconv parts", () => {
    expect(convertRowInput("Hi")).toEqual([{ role: "user", parts: [{ type: "text", content: "Hi" }] }]);
    expect(convertRowInput([{ role: "system", content: "Be brief." }])).toEqual([
      { role: "system", parts: [{ type: "text", content: "Be brief." }] },
    ]);
    expect(toChatMessages([{ role: "user", parts: [{ type: "text", content: "Hey" }] }])).toEqual([
      { role: "user", content: "Hey" },
    ]);
    expect(toChatMessages("Hi")).toEqual([{ role: "user", content: "Hi" }]);
  });
});
