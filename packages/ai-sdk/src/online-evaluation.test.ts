import type { EvaluatedCall, OperationEvaluation } from "@sightline/core";
import { generateText, streamText, wrapLanguageModel } from "ai";
import { describe, expect, it } from "vitest";
import { sightlineMiddleware } from "./sightline-middleware.js";
import { useAISDKTestContext, waitForSpans } from "./test-helpers.js";

const ctx = useAISDKTestContext();

/** A core evaluation hook that samples every call and keeps what it was handed. */
function recordingHook(): OperationEvaluation & { calls: EvaluatedCall[] } {
  const calls: EvaluatedCall[] = [];
  return { calls, sample: () => true, evaluate: (call) => void calls.push(call) };
}

const textOf = (call: EvaluatedCall | undefined) =>
  call
    ?.outputMessages()?.[0]
    ?.parts.map((part) => ("content" in part ? part.content : ""))
    .join("");

describe("the evaluation option through the AI SDK middleware (capture off)", () => {
  it("hands generateText and streamText calls' content to the hook and exports none", async () => {
    const hook = recordingHook();
    const model = wrapLanguageModel({
      model: ctx.openaiChat(),
      middleware: sightlineMiddleware({
        tracerProvider: ctx.telemetry.tracerProvider,
        meterProvider: ctx.telemetry.meterProvider,
        captureContent: false,
        evaluation: hook,
      }),
    });
    await generateText({ model, prompt: "hi" });
    ctx.server.enqueue({ text: "one two three", chunks: 3 });
    const result = streamText({ model, prompt: "count" });
    for await (const _ of result.textStream) {
      // Read the whole stream, as an app would.
    }
    const spans = await waitForSpans(ctx.telemetry, 2);
    expect(hook.calls).toHaveLength(2);
    expect(textOf(hook.calls[0])).toBe("Hello from the Sightline mock.");
    expect(hook.calls[0]?.requestContent()?.inputMessages?.[0]?.parts[0]).toMatchObject({ content: "hi" });
    expect(textOf(hook.calls[1])).toBe("one two three");
    for (const span of spans) expect(span.attributes["gen_ai.output.messages"]).toBeUndefined();
    expect(hook.calls[0]?.spanContext.spanId).toBe(spans[0]?.spanContext().spanId);
  });
});
