import { Agent } from "@openai/agents";
import type { MockScript } from "@sightline/testing";
import { describe, expect, it } from "vitest";
import { settle, spansNamed, useAgentsTestContext } from "./test-helpers.js";

// Refusals the model call reported, read from the SDK's response span by the processor; content capture off.
const ctx = useAgentsTestContext();

async function runOnce(script: MockScript) {
  const runner = ctx.setup({});
  ctx.server.enqueue(script);
  const agent = new Agent({ name: "Helper", instructions: "Answer briefly." });
  // The run's own outcome (a refusal may end it without output) is the SDK's business, not this test's.
  await runner.run(agent, "hi").catch(() => undefined);
  await settle(50);
  const [chat] = spansNamed(ctx.telemetry.spans(), "chat*");
  expect(chat?.attributes["gen_ai.output.messages"]).toBeUndefined();
  return chat?.attributes["sightline.response.refusal"];
}

describe("createSightlineTracingProcessor: provider-reported refusals", () => {
  it("a refusal content part of the Responses output", async () => {
    expect(await runOnce({ refusal: "I can't help with that." })).toBe("refusal");
  });

  it("an incomplete response (content filter) fails the SDK's model call: an error, not a refusal", async () => {
    // The SDK ends the run on `response.incomplete`; the chat span records the error it reports.
    expect(await runOnce({ finishReason: "content_filter" })).toBeUndefined();
    const [chat] = spansNamed(ctx.telemetry.spans(), "chat*");
    expect(chat?.attributes["error.type"]).toBe("AgentsSpanError");
  });

  it("an ordinary answer carries no refusal", async () => {
    expect(await runOnce({})).toBeUndefined();
  });
});
