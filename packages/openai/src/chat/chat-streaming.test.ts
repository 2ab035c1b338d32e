import { describe, expect, it } from "vitest";
import { OPENAI_VERSIONS, useOpenAITestContext, waitForSpans } from "../test-helpers.js";

// Breaks, aborts, abandoned, cut and malformed streams: conformance.test.ts.
const ctx = useOpenAITestContext();
const messages = [{ role: "user" as const, content: "Tell me a story" }];

describe.each(OPENAI_VERSIONS)("streamed chat.completions with %s", (_label, OpenAIClass) => {
  it("the stream() helper works as before and produces one span", async () => {
    ctx.server.enqueue({ text: "helper text", chunks: 3 });
    const client = ctx.observed({}, OpenAIClass);
    const runner = client.chat.completions.stream({ model: "gpt-4o", messages });
    const deltas: string[] = [];
    runner.on("content", (delta) => deltas.push(delta));
    const final = await runner.finalChatCompletion();
    expect(final.choices[0]?.message.content).toBe("helper text");
    expect(deltas.join("")).toBe("helper text");
    const spans = await waitForSpans(ctx.telemetry, 1);
    expect(spans).toHaveLength(1);
    expect(spans[0]?.attributes["sightline.stream.outcome"]).toBe("completed");
  });
});
