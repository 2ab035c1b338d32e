import { describe, expect, it } from "vitest";
import { mapAISDKOutputMessages, mapAISDKRequestContent } from "./map-ai-sdk-content.js";

describe("mapAISDKRequestContent", () => {
  it("maps instructions, every message part kind and tool definitions to semconv parts", () => {
    const content = mapAISDKRequestContent({
      instructions: [{ role: "system", content: "Be brief." }],
      messages: [
        {
          role: "user",
          content: [
            { type: "text", text: "What is in this picture?" },
            { type: "image", image: new URL("https://example.com/cat.png"), mediaType: "image/png" },
            { type: "file", data: new Uint8Array([1, 2, 3]), mediaType: "application/pdf" },
          ],
        },
        {
          role: "assistant",
          content: [
            { type: "reasoning", text: "Look first." },
            { type: "tool-call", toolCallId: "c1", toolName: "look", input: { zoom: 2 } },
          ],
        },
        {
          role: "tool",
          content: [
            {
              type: "tool-result",
              toolCallId: "c1",
              toolName: "look",
              output: { type: "json", value: { seen: "cat" } },
            },
          ],
        },
      ],
      tools: [{ type: "function", name: "look", description: "Looks", inputSchema: { type: "object" } }],
    });
    expect(content.systemInstructions).toEqual([{ type: "text", content: "Be brief." }]);
    expect(content.inputMessages).toEqual([
      {
        role: "user",
        parts: [
          { type: "text", content: "What is in this picture?" },
          { type: "uri", modality: "image", mime_type: "image/png", uri: "https://example.com/cat.png" },
          { type: "blob", modality: "document", mime_type: "application/pdf", content: "[binary data]" },
        ],
      },
      {
        role: "assistant",
        parts: [
          { type: "reasoning", content: "Look first." },
          { type: "tool_call", id: "c1", name: "look", arguments: { zoom: 2 } },
        ],
      },
      { role: "tool", parts: [{ type: "tool_call_response", id: "c1", response: { seen: "cat" } }] },
    ]);
    expect(content.toolDefinitions).toEqual([
      { type: "function", name: "look", description: "Looks", parameters: { type: "object" } },
    ]);
  });

  it("takes a string system prompt and string message content", () => {
    const content = mapAISDKRequestContent({ system: "Hi", messages: [{ role: "user", content: "hello" }] });
    expect(content.systemInstructions).toEqual([{ type: "text", content: "Hi" }]);
    expect(content.inputMessages).toEqual([{ role: "user", parts: [{ type: "text", content: "hello" }] }]);
  });
});

describe("mapAISDKOutputMessages", () => {
  it("parses tool-call arguments the provider sent as a JSON string", () => {
    expect(
      mapAISDKOutputMessages(
        [{ type: "tool-call", toolCallId: "c", toolName: "f", input: '{"a":1}' }],
        "tool_call",
      ),
    ).toEqual([
      {
        role: "assistant",
        finish_reason: "tool_call",
        parts: [{ type: "tool_call", id: "c", name: "f", arguments: { a: 1 } }],
      },
    ]);
  });
});
