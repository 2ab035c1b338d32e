import { describe, expect, it } from "vitest";
import { useOpenAITestContext, waitForSpans } from "./test-helpers.js";

// Off by default, the capture variable, redaction, bounds and streamed capture: conformance.test.ts.
const ctx = useOpenAITestContext();

describe("content capture", () => {
  it("maps system text and image_url parts to semconv JSON when on", async () => {
    ctx.server.enqueue({ text: "Hi there" });
    const client = ctx.observed({ captureContent: true });
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
  });
});
