import { afterEach, describe, expect, it, vi } from "vitest";
import { useGoogleGenAITestContext, waitForSpans } from "./test-helpers.js";

// Off by default, redaction and the byte bound: conformance.test.ts.
const ctx = useGoogleGenAITestContext();

describe("content capture", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("maps system instruction, inline and file data, tools and thoughts to valid semconv JSON when on", async () => {
    vi.stubEnv("OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT", "SPAN_ONLY");
    ctx.server.enqueue({ thinking: "Looks like a cat.", text: "A cat." });
    const ai = ctx.observed();
    await ai.models.generateContent({
      model: "gemini-x",
      contents: [
        {
          role: "user",
          parts: [
            { text: "What is this?" },
            { inlineData: { mimeType: "image/png", data: "iVBORw0KGgo=" } },
            { fileData: { mimeType: "application/pdf", fileUri: "gs://bucket/doc.pdf" } },
          ],
        },
      ],
      config: { systemInstruction: "Be brief.", tools: [{ googleSearch: {} }] },
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
          { type: "uri", modality: "document", mime_type: "application/pdf", uri: "gs://bucket/doc.pdf" },
        ],
      },
    ]);
    expect(JSON.parse(String(span?.attributes["gen_ai.tool.definitions"]))).toEqual([
      { type: "googleSearch", name: "googleSearch" },
    ]);
    expect(JSON.parse(String(span?.attributes["gen_ai.output.messages"]))).toEqual([
      {
        role: "assistant",
        parts: [
          { type: "reasoning", content: "Looks like a cat." },
          { type: "text", content: "A cat." },
        ],
        finish_reason: "stop",
      },
    ]);
  });
});
