import { describe, expect, it } from "vitest";
import { registerSightlineCallbackHandler } from "./register-sightline-callback-handler.js";
import { settle, spansNamed, useLangChainTestContext, waitForSpans } from "./test-helpers.js";

const ctx = useLangChainTestContext();

describe("registerSightlineCallbackHandler", () => {
  it("records runs that pass no callbacks, once even when the handler is also passed per call", async () => {
    const handler = registerSightlineCallbackHandler(ctx.handler());
    await ctx.chatOpenAI().invoke("no callbacks");
    await ctx.chatOpenAI().invoke("same handler per call", { callbacks: [handler] });
    await waitForSpans(ctx.telemetry, 2);
    await settle();
    expect(spansNamed(ctx.telemetry.spans(), "chat gpt-4o")).toHaveLength(2);
  });
});
