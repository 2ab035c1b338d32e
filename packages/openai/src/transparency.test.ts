import { describe, expect, it } from "vitest";
import { OPENAI_VERSIONS, useOpenAITestContext, waitForSpans } from "./test-helpers.js";

// What every provider keeps (same objects, tee(), withResponse(), double wrap, …) is in conformance.test.ts;
// this file keeps what only the openai wrapper does to a stream.
const ctx = useOpenAITestContext();
const messages = [{ role: "user" as const, content: "hi" }];

describe.each(OPENAI_VERSIONS)("the wrapped %s client behaves as before", (_label, OpenAIClass) => {
  it('streamUsage: "inject" gets token counts and hides the extra chunk', async () => {
    ctx.server.enqueue({ usage: { inputTokens: 8, outputTokens: 4 } });
    const plain = ctx.raw(OpenAIClass);
    const rawChunks: unknown[] = [];
    for await (const chunk of await plain.chat.completions.create({
      model: "gpt-4o",
      messages,
      stream: true,
    })) {
      rawChunks.push(chunk);
    }
    const client = ctx.observed({ streamUsage: "inject" }, OpenAIClass);
    ctx.server.enqueue({ usage: { inputTokens: 8, outputTokens: 4 } });
    const seen: { usage?: unknown }[] = [];
    for await (const chunk of await client.chat.completions.create({
      model: "gpt-4o",
      messages,
      stream: true,
    })) {
      seen.push(chunk);
    }
    expect(seen.length).toBe(rawChunks.length);
    expect(seen.some((chunk) => chunk.usage)).toBe(false);
    const sent = ctx.server.requests.at(-1)?.body as { stream_options?: { include_usage?: boolean } };
    expect(sent.stream_options?.include_usage).toBe(true);
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.attributes["gen_ai.usage.input_tokens"]).toBe(8);
    expect(span?.attributes["gen_ai.usage.output_tokens"]).toBe(4);
  });
});
