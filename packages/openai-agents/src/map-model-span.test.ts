import { describe, expect, it } from "vitest";
import { mapModelSpan, splitProvider } from "./map-model-span.js";

describe("mapModelSpan", () => {
  it("maps a chat completions generation span: usage details, tool calls, finish reasons", () => {
    const mapped = mapModelSpan({
      type: "generation",
      model: "gpt-4o-mini",
      usage: { input_tokens: 100, output_tokens: 20, details: { cached_tokens: 40, reasoning_tokens: 5 } },
      output: [
        {
          id: "chatcmpl-1",
          model: "gpt-4o-mini-2024-07-18",
          choices: [
            {
              finish_reason: "tool_calls",
              message: { tool_calls: [{ id: "call_1", function: { name: "lookup", arguments: '{"q":1}' } }] },
            },
          ],
        },
      ],
    });
    expect(mapped.request).toEqual({ operation: "chat", model: "gpt-4o-mini" });
    expect(mapped.target).toEqual({ provider: "openai" });
    expect(mapped.response).toMatchObject({
      id: "chatcmpl-1",
      model: "gpt-4o-mini-2024-07-18",
      finishReasons: ["tool_call"],
      usage: { inputTokens: 100, outputTokens: 20, cacheReadInputTokens: 40, reasoningOutputTokens: 5 },
    });
    expect(mapped.functionCalls).toEqual([{ name: "lookup", callId: "call_1", arguments: '{"q":1}' }]);
  });

  it("maps a response span without the response (tracing without data) to a bare call", () => {
    const mapped = mapModelSpan({ type: "response", response_id: "resp_1" });
    expect(mapped.response).toEqual({
      id: "resp_1",
      model: undefined,
      finishReasons: undefined,
      usage: undefined,
      serviceTier: undefined,
    });
    expect(mapped.target.provider).toBe("openai");
  });

  it("reads an incomplete response as a length stop", () => {
    const mapped = mapModelSpan({
      type: "response",
      _response: { model: "o3", status: "incomplete", output: [] },
    });
    expect(mapped.response.finishReasons).toEqual(["length"]);
  });
});

describe("splitProvider", () => {
  it("reads a provider prefix, and defaults to openai", () => {
    expect(splitProvider("anthropic/claude-sonnet-4-5")).toEqual({
      provider: "anthropic",
      model: "claude-sonnet-4-5",
    });
    expect(splitProvider("gpt-4o")).toEqual({ provider: "openai", model: "gpt-4o" });
    expect(splitProvider(undefined)).toEqual({ provider: "openai", model: undefined });
  });
});

describe("mapModelSpan refusals", () => {
  it("reads a chat completion's content_filter stop and refusal text", () => {
    const filtered = mapModelSpan({
      type: "generation",
      model: "gpt-4o",
      output: [{ choices: [{ finish_reason: "content_filter", message: {} }] }],
    });
    expect(filtered.response.refusal).toBe("content_filter");
    const refused = mapModelSpan({
      type: "generation",
      model: "gpt-4o",
      output: [{ choices: [{ finish_reason: "stop", message: { refusal: "I can't." } }] }],
    });
    expect(refused.response.refusal).toBe("refusal");
  });
});
