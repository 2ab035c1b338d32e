import { describe, expect, it } from "vitest";
import { parseContentMessages, parseSystemInstructions } from "./parse-content-messages.js";

describe("parseContentMessages", () => {
  it("reads text, tool calls and tool responses", () => {
    const parsed = parseContentMessages(
      JSON.stringify([
        { role: "user", parts: [{ type: "text", content: "weather in Paris?" }] },
        {
          role: "assistant",
          finish_reason: "tool_call",
          parts: [{ type: "tool_call", id: "c1", name: "get_weather", arguments: { city: "Paris" } }],
        },
        { role: "tool", parts: [{ type: "tool_call_response", id: "c1", response: "rainy" }] },
        { role: "user", parts: [{ type: "blob", modality: "image" }] },
      ]),
    );
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.messages[1]).toMatchObject({
      role: "assistant",
      finishReason: "tool_call",
      parts: [{ type: "tool_call", id: "c1", name: "get_weather", arguments: '{\n  "city": "Paris"\n}' }],
    });
    expect(parsed.messages[2]?.parts[0]).toEqual({ type: "tool_call_response", id: "c1", response: "rainy" });
    expect(parsed.messages[3]?.parts[0]).toMatchObject({ type: "other", partType: "blob" });
  });

  it.each([
    ["not json", "{oops"],
    ["not an array", '{"role":"user"}'],
    ["no parts", '[{"role":"user","content":"hi"}]'],
  ])("returns the raw text when %s", (_, raw) => {
    const parsed = parseContentMessages(raw);
    expect(parsed).toMatchObject({ ok: false, raw });
  });

  it("survives JSON nested deeper than the stack", () => {
    const deep = `[${"[".repeat(100_000)}${"]".repeat(100_000)}]`;
    expect(() => parseContentMessages(deep)).not.toThrow();
  });
});

describe("parseSystemInstructions", () => {
  it("reads an array of parts or a plain string", () => {
    expect(parseSystemInstructions('[{"type":"text","content":"be brief"}]')).toMatchObject({
      ok: true,
      messages: [{ role: "system", parts: [{ type: "text", content: "be brief" }] }],
    });
    expect(parseSystemInstructions("be brief")).toMatchObject({ ok: true, messages: [{ role: "system" }] });
  });
});
