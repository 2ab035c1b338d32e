import type { OutputMessage, ToolDefinition } from "@sightline/core/provider";
import { describe, expect, it } from "vitest";
import { expectWellFormed, runEvaluator } from "./test-helpers.js";
import { validToolCalls } from "./valid-tool-calls.js";

const tools: ToolDefinition[] = [
  {
    type: "function",
    name: "get_weather",
    parameters: {
      type: "object",
      required: ["city"],
      additionalProperties: false,
      properties: { city: { type: "string" }, unit: { enum: ["c", "f"] } },
    },
  },
];

const answer = (...calls: { name: string; arguments?: unknown }[]): OutputMessage[] => [
  {
    role: "assistant",
    finish_reason: "tool_call",
    parts: calls.map((call) => ({ type: "tool_call", ...call })),
  },
];

describe("validToolCalls", () => {
  it("passes calls of declared tools whose arguments conform (object or JSON string)", async () => {
    const result = await runEvaluator(validToolCalls(), {
      toolDefinitions: tools,
      output: answer(
        { name: "get_weather", arguments: { city: "Paris" } },
        { name: "get_weather", arguments: '{"city":"Oslo","unit":"c"}' },
      ),
    });
    expectWellFormed(result);
    expect(result).toMatchObject({ passed: true, score: 1 });
  });

  it("fails an undeclared tool, unparsable arguments and schema violations, scoring the valid share", async () => {
    const result = await runEvaluator(validToolCalls(), {
      toolDefinitions: tools,
      output: answer(
        { name: "get_weather", arguments: { city: "Paris" } },
        { name: "delete_all", arguments: {} },
        { name: "get_weather", arguments: '{"city": ' },
        { name: "get_weather", arguments: { unit: "k" } },
      ),
    });
    expectWellFormed(result);
    expect(result).toMatchObject({ passed: false, label: "invalid_tool_call", score: 0.25 });
    expect(result.explanation).toContain("3 of 4");
    expect(result.explanation).toContain('"delete_all" is not a declared tool');
  });

  it("uses the tools option over the request's, and requireCall fails an answer without calls", async () => {
    const undeclared = await runEvaluator(validToolCalls({ tools: [] }), {
      toolDefinitions: tools,
      output: answer({ name: "get_weather", arguments: { city: "Paris" } }),
    });
    expect(undeclared.passed).toBe(false);
    expect((await runEvaluator(validToolCalls(), { outputText: "It is sunny." })).passed).toBe(true);
    const required = await runEvaluator(validToolCalls({ requireCall: true }), {
      outputText: "It is sunny.",
    });
    expect(required).toMatchObject({ passed: false, label: "no_tool_call" });
  });
});
