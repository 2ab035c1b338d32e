import { afterEach, describe, expect, it, vi } from "vitest";
import { useOpenAITestContext, waitForSpans } from "./test-helpers.js";

const ctx = useOpenAITestContext();
const CONTENT_ATTRIBUTES = ["gen_ai.input.messages", "gen_ai.output.messages", "gen_ai.system_instructions"];

describe("content capture", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("is off by default", async () => {
    const client = ctx.observed();
    await client.chat.completions.create({
      model: "gpt-4o",
      messages: [{ role: "system", content: "secret prompt" }],
    });
    const [span] = await waitForSpans(ctx.telemetry, 1);
    for (const attribute of CONTENT_ATTRIBUTES) expect(span?.attributes[attribute]).toBeUndefined();
    expect(JSON.stringify(span?.attributes)).not.toContain("secret prompt");
  });

  it.each(["true", "SPAN_ONLY"])(
    "is turned on by OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT=%s",
    async (value) => {
      vi.stubEnv("OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT", value);
      ctx.server.enqueue({ text: "Hi there" });
      const client = ctx.observed();
      await client.chat.completions.create({
        model: "gpt-4o",
        messages: [
          { role: "system", content: "Be nice." },
          {
            role: "user",
            content: [
              { type: "text", text: "Hello" },
              { type: "image_url", image_url: { url: "https://example.test/cat.png" } },
            ],
          },
        ],
      });
      const [span] = await waitForSpans(ctx.telemetry, 1);
      expect(JSON.parse(String(span?.attributes["gen_ai.input.messages"]))).toEqual([
        { role: "system", parts: [{ type: "text", content: "Be nice." }] },
        {
          role: "user",
          parts: [
            { type: "text", content: "Hello" },
            { type: "uri", modality: "image", uri: "https://example.test/cat.png" },
          ],
        },
      ]);
      expect(JSON.parse(String(span?.attributes["gen_ai.output.messages"]))).toEqual([
        { role: "assistant", parts: [{ type: "text", content: "Hi there" }], finish_reason: "stop" },
      ]);
    },
  );

  it("an explicit option wins over the variable", async () => {
    vi.stubEnv("OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT", "true");
    const client = ctx.observed({ captureContent: false });
    await client.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: "x" }] });
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.attributes["gen_ai.input.messages"]).toBeUndefined();
  });

  it("truncates long content to the byte bound and keeps the JSON valid", async () => {
    const client = ctx.observed({ captureContent: true, contentMaxBytes: 600 });
    const long = "é".repeat(5000);
    await client.chat.completions.create({
      model: "gpt-4o",
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
    expect(parsed[0]?.parts[0]?.content).toMatch(/…\[truncated \d+ chars\]$/);
    expect(span?.attributes["sightline.content.truncated"]).toBe(true);
  });

  it("passes every text through the redaction hook first", async () => {
    ctx.server.enqueue({ text: "Mail me at bob@example.test" });
    const client = ctx.observed({
      captureContent: true,
      redactContent: (text) => text.replaceAll(/\S+@\S+/g, "<email>"),
    });
    await client.chat.completions.create({
      model: "gpt-4o",
      messages: [{ role: "user", content: "I am alice@example.test" }],
    });
    const [span] = await waitForSpans(ctx.telemetry, 1);
    const recorded = JSON.stringify(span?.attributes);
    expect(recorded).not.toContain("@example.test");
    expect(recorded).toContain("<email>");
  });

  it("captures streamed output when on", async () => {
    ctx.server.enqueue({ text: "streamed words here", chunks: 3 });
    const client = ctx.observed({ captureContent: true });
    const stream = await client.chat.completions.create({
      model: "gpt-4o",
      messages: [{ role: "user", content: "x" }],
      stream: true,
    });
    for await (const _chunk of stream) {
      // drain
    }
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(JSON.parse(String(span?.attributes["gen_ai.output.messages"]))[0].parts).toEqual([
      { type: "text", content: "streamed words here" },
    ]);
  });

  it("keeps a long streamed answer bounded while capturing, and the attribute valid JSON", async () => {
    ctx.server.enqueue({ text: "word ".repeat(4000), chunks: 200 });
    const client = ctx.observed({ captureContent: true, contentMaxBytes: 1000 });
    const stream = await client.chat.completions.create({
      model: "gpt-4o",
      messages: [{ role: "user", content: "x" }],
      stream: true,
    });
    let received = "";
    for await (const chunk of stream) received += chunk.choices[0]?.delta.content ?? "";
    expect(received.length).toBe(20_000);
    const [span] = await waitForSpans(ctx.telemetry, 1);
    const json = String(span?.attributes["gen_ai.output.messages"]);
    expect(new TextEncoder().encode(json).length).toBeLessThanOrEqual(1000);
    expect(JSON.parse(json)[0].parts[0].content).toMatch(/truncated/);
  });
});
