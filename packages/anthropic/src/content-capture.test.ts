import { afterEach, describe, expect, it, vi } from "vitest";
import { ANTHROPIC_VERSIONS, useAnthropicTestContext, waitForSpans } from "./test-helpers.js";

// Off by default, redaction and the byte bound: conformance.test.ts.
const ctx = useAnthropicTestContext();

describe.each(ANTHROPIC_VERSIONS)("content capture with %s", (_label, AnthropicClass) => {
  afterEach(() => vi.unstubAllEnvs());

  it("maps system, messages with images, tools and output to valid semconv JSON when on", async () => {
    vi.stubEnv("OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT", "true");
    ctx.server.enqueue({ text: "A cat." });
    const client = ctx.observed({}, AnthropicClass);
    await client.messages.create({
      model: "claude-x",
      max_tokens: 10,
      system: [{ type: "text", text: "Be brief." }],
      messages: [
        {
          role: "user",
          content: [
            { type: "text", text: "What is this?" },
            { type: "image", source: { type: "base64", media_type: "image/png", data: "iVBORw0KGgo=" } },
            { type: "image", source: { type: "url", url: "https://example.test/cat.png" } },
          ],
        },
      ],
      tools: [{ type: "web_search_20250305", name: "web_search" }],
    });
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(JSON.parse(String(span?.attributes["gen_ai.system_instructions"]))).toEqual([
      { type: "text", content: "Be brief." },
    ]);
    expect(JSON.parse(String(span?.attributes["gen_ai.input.messages"]))).toEqual([
      {
        role: "user",
        parts: [
          { type: "text", content: "What is this?" },
          { type: "blob", modality: "image", mime_type: "image/png", content: "iVBORw0KGgo=" },
          { type: "uri", modality: "image", mime_type: null, uri: "https://example.test/cat.png" },
        ],
      },
    ]);
    expect(JSON.parse(String(span?.attributes["gen_ai.tool.definitions"]))).toEqual([
      { type: "web_search_20250305", name: "web_search" },
    ]);
    expect(JSON.parse(String(span?.attributes["gen_ai.output.messages"]))).toEqual([
      { role: "assistant", parts: [{ type: "text", content: "A cat." }], finish_reason: "stop" },
    ]);
  });
});
