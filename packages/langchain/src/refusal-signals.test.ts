import { describe, expect, it } from "vitest";
import { useLangChainTestContext, waitForSpans } from "./test-helpers.js";

// Refusals the underlying provider reported, read from LangChain's result; content capture stays off.
const ctx = useLangChainTestContext();

async function refusalAttribute() {
  const [span] = await waitForSpans(ctx.telemetry, 1);
  expect(span?.attributes["gen_ai.output.messages"]).toBeUndefined();
  return span?.attributes["sightline.response.refusal"];
}

describe("SightlineCallbackHandler: provider-reported refusals", () => {
  it("ChatOpenAI: finish_reason content_filter", async () => {
    ctx.server.enqueue({ finishReason: "content_filter", text: "" });
    await ctx.chatOpenAI().invoke("hello", { callbacks: [ctx.handler()] });
    expect(await refusalAttribute()).toBe("content_filter");
  });

  it("ChatOpenAI on the Responses API: a refusal content part", async () => {
    ctx.server.enqueue({ refusal: "I can't help with that." });
    await ctx.chatOpenAI({ useResponsesApi: true }).invoke("hello", { callbacks: [ctx.handler()] });
    expect(await refusalAttribute()).toBe("refusal");
  });

  it("ChatAnthropic: stop_reason refusal", async () => {
    ctx.server.enqueue({ finishReason: "refusal", text: "" });
    await ctx.chatAnthropic().invoke("hello", { callbacks: [ctx.handler()] });
    expect(await refusalAttribute()).toBe("refusal");
  });

  it("an ordinary answer carries no refusal", async () => {
    ctx.server.enqueue({});
    await ctx.chatOpenAI().invoke("hello", { callbacks: [ctx.handler()] });
    expect(await refusalAttribute()).toBeUndefined();
  });
});
