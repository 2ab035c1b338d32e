import type { EvaluatedCall, OperationEvaluation } from "@sightline/core";
import { describe, expect, it } from "vitest";
import { useLangChainTestContext, waitForSpans } from "./test-helpers.js";

const ctx = useLangChainTestContext();

describe("the evaluation option through the LangChain handler (capture off)", () => {
  it("hands a chat model call's content to the hook and exports none", async () => {
    const calls: EvaluatedCall[] = [];
    const hook: OperationEvaluation = { sample: () => true, evaluate: (call) => void calls.push(call) };
    const handler = ctx.handler({ captureContent: false, evaluation: hook });
    const reply = await ctx.chatOpenAI().invoke("hello", { callbacks: [handler] });
    expect(reply.content).toBe("Hello from the Sightline mock.");
    const [chat] = await waitForSpans(ctx.telemetry, 1);
    expect(calls).toHaveLength(1);
    const output = calls[0]?.outputMessages()?.[0]?.parts[0];
    expect(output).toMatchObject({ type: "text", content: "Hello from the Sightline mock." });
    expect(calls[0]?.requestContent()?.inputMessages?.[0]?.parts[0]).toMatchObject({ content: "hello" });
    expect(chat?.attributes["gen_ai.output.messages"]).toBeUndefined();
    expect(chat?.attributes["gen_ai.input.messages"]).toBeUndefined();
  });
});
