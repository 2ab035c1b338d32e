import { describe, expect, it } from "vitest";
import { OPENAI_VERSIONS, useOpenAITestContext, waitForSpans } from "../test-helpers.js";

const ctx = useOpenAITestContext();

describe.each(OPENAI_VERSIONS)("responses with built-in tools, %s", (_label, OpenAIClass) => {
  it("counts built-in tool calls per tool and adds web and file search call prices to the token cost", async () => {
    ctx.server.enqueue({
      model: "gpt-4o",
      usage: { inputTokens: 1000, outputTokens: 100 },
      builtinToolCalls: ["web_search", "web_search", "file_search", "code_interpreter"],
    });
    const client = ctx.observed({}, OpenAIClass);
    const response = await client.responses.create({
      model: "gpt-4o",
      input: "news?",
      tools: [
        { type: "web_search" },
        { type: "file_search", vector_store_ids: ["vs_1"] },
        { type: "code_interpreter", container: { type: "auto" } },
      ],
    });
    expect(response.output.map((item) => item.type)).toEqual([
      "web_search_call",
      "web_search_call",
      "file_search_call",
      "code_interpreter_call",
      "message",
    ]);
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.attributes).toMatchObject({
      "sightline.builtin_tool_calls.web_search": 2,
      "sightline.builtin_tool_calls.file_search": 1,
      "sightline.builtin_tool_calls.code_interpreter": 1,
      "gen_ai.response.finish_reasons": ["stop"],
      // tokens 0.0025 + 0.001; 2 web searches × $10 / 1k + 1 file search × $2.50 / 1k
      "sightline.cost.units": 0.0225,
    });
    expect(span?.attributes["gen_ai.usage.cost"]).toBeCloseTo(0.026, 12);
  });

  it("lists web_search_preview calls as unpriced units instead of guessing their model-dependent price", async () => {
    ctx.server.enqueue({
      model: "gpt-4o",
      usage: { inputTokens: 1000, outputTokens: 0 },
      builtinToolCalls: ["web_search"],
    });
    const client = ctx.observed({}, OpenAIClass);
    await client.responses.create({
      model: "gpt-4o",
      input: "news?",
      tools: [{ type: "web_search_preview" }],
    });
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.attributes["sightline.cost.unpriced_units"]).toEqual(["web_search_preview_call"]);
    expect(span?.attributes["gen_ai.usage.cost"]).toBeCloseTo(0.0025, 12);
  });

  it("counts built-in calls in a stream from the terminal event", async () => {
    ctx.server.enqueue({ builtinToolCalls: ["file_search"] });
    const client = ctx.observed({}, OpenAIClass);
    const stream = await client.responses.create({
      model: "gpt-4o-mini",
      input: "find it",
      tools: [{ type: "file_search", vector_store_ids: ["vs_1"] }],
      stream: true,
    });
    const types: string[] = [];
    for await (const event of stream) types.push(event.type);
    expect(types).toContain("response.output_item.added");
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.attributes["sightline.builtin_tool_calls.file_search"]).toBe(1);
    expect(span?.attributes["sightline.cost.units"]).toBe(0.0025);
  });
});
