import { afterEach, describe, expect, it, vi } from "vitest";
import { ANTHROPIC_VERSIONS, useAnthropicTestContext, waitForSpans } from "./test-helpers.js";

const ctx = useAnthropicTestContext();
const CONTENT_ATTRIBUTES = [
  "gen_ai.input.messages",
  "gen_ai.output.messages",
  "gen_ai.system_instructions",
  "gen_ai.tool.definitions",
];

describe.each(ANTHROPIC_VERSIONS)("content capture with %s", (_label, AnthropicClass) => {
  afterEach(() => vi.unstubAllEnvs());

  it("is off by default", async () => {
    const client = ctx.observed({}, AnthropicClass);
    await client.messages.create({
      model: "claude-x",
      max_tokens: 10,
      system: "secret prompt",
      messages: [{ role: "user", content: "secret question" }],
      tools: [{ name: "secret_tool", input_schema: { type: "object" } }],
    });
    const [span] = await waitForSpans(ctx.telemetry, 1);
    for (const attribute of CONTENT_ATTRIBUTES) expect(span?.attributes[attribute]).toBeUndefined();
    expect(JSON.stringify(span?.attributes)).not.toContain("secret");
  });

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

  it("truncates long content to the byte bound and keeps the JSON valid", async () => {
    const client = ctx.observed({ captureContent: true, contentMaxBytes: 600 }, AnthropicClass);
    const long = "é".repeat(5000);
    await client.messages.create({
      model: "claude-x",
      max_tokens: 10,
      messages: [
        { role: "user", content: long },
        { role: "assistant", content: "short answer" },
        { role: "user", content: long },
      ],
    });
    const [span] = await waitForSpans(ctx.telemetry, 1);
    const json = String(span?.attributes["gen_ai.input.messages"]);
    expect(new TextEncoder().encode(json).length).toBeLessThanOrEqual(600);
    const parsed = JSON.parse(json) as { role: string; parts: { content: string }[] }[];
    expect(parsed.map((message) => message.role)).toEqual(["user", "assistant", "user"]);
    expect(parsed[1]?.parts[0]?.content).toBe("short answer");
  });
});
