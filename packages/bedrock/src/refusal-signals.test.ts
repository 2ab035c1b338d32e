import { ConverseCommand, ConverseStreamCommand, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";
import { createDriftMonitor } from "@sightline/core";
import { recordDriftCategory } from "@sightline/testing";
import { describe, expect, it } from "vitest";
import { useBedrockTestContext, waitForSpans } from "./test-helpers.js";

// Provider-reported refusals: read from `stopReason`, so content capture stays off (the default).
const ctx = useBedrockTestContext();
const modelId = "anthropic.claude-haiku-4-5-20251001-v1:0";
const messages = [{ role: "user" as const, content: [{ text: "hi" }] }];

async function call(finishReason: string | undefined, kind: "converse" | "stream" | "invoke") {
  ctx.server.enqueue(finishReason ? { finishReason } : {});
  const { monitor, values: refusals } = recordDriftCategory(createDriftMonitor(), "refusal");
  const client = ctx.observed({ drift: { monitor } });
  if (kind === "converse") await client.send(new ConverseCommand({ modelId, messages }));
  else if (kind === "stream") {
    const output = await client.send(new ConverseStreamCommand({ modelId, messages }));
    for await (const _event of output.stream ?? []);
  } else {
    const body = JSON.stringify({
      anthropic_version: "bedrock-2023-05-31",
      max_tokens: 100,
      messages: [{ role: "user", content: "hi" }],
    });
    await client.send(new InvokeModelCommand({ modelId, contentType: "application/json", body }));
  }
  const [span] = await waitForSpans(ctx.telemetry, 1);
  return { attributes: span?.attributes ?? {}, refusal: refusals[0] };
}

describe.each(["converse", "stream"] as const)("Converse (%s)", (kind) => {
  it.each(["guardrail_intervened", "content_filtered"])(
    "stopReason %s is a provider-reported refusal with content capture off",
    async (stopReason) => {
      const result = await call(stopReason, kind);
      expect(result.attributes["sightline.response.refusal"]).toBe(stopReason);
      expect(result.attributes["gen_ai.response.finish_reasons"]).toEqual(["content_filter"]);
      expect(result.attributes["gen_ai.output.messages"]).toBeUndefined();
      expect(result.refusal).toBe("yes");
    },
  );

  it("an ordinary answer is no refusal", async () => {
    const result = await call(undefined, kind);
    expect(result.attributes["sightline.response.refusal"]).toBeUndefined();
    expect(result.refusal).toBe("no");
  });
});

describe("InvokeModel", () => {
  it("Anthropic's stop_reason refusal is a provider-reported refusal", async () => {
    const result = await call("refusal", "invoke");
    expect(result.attributes["sightline.response.refusal"]).toBe("refusal");
    expect(result.refusal).toBe("yes");
  });
});

describe("drift", () => {
  it("a rising guardrail intervention rate raises a refusal drift event with content capture off", async () => {
    const monitor = createDriftMonitor({ referenceSize: 40, windowSize: 40 });
    const client = ctx.observed({ drift: { monitor } });
    const refused = (index: number) => (index < 40 ? index === 17 : index % 2 === 0);
    for (let index = 0; index < 80; index++) {
      ctx.server.enqueue(refused(index) ? { finishReason: "guardrail_intervened" } : {});
      await client.send(new ConverseCommand({ modelId, messages }));
    }
    const spans = await waitForSpans(ctx.telemetry, 80);
    const refusalDrift = spans
      .flatMap((span) => span.events)
      .filter(
        (event) =>
          event.name === "sightline.drift" && event.attributes?.["sightline.drift.signal"] === "refusal",
      );
    expect(refusalDrift).toHaveLength(1);
  });
});
