import { ConverseCommand } from "@aws-sdk/client-bedrock-runtime";
import { describe, expect, it } from "vitest";
import { resolveBedrockModel } from "./resolve-bedrock-model.js";
import { useBedrockTestContext, waitForSpans } from "./test-helpers.js";

const ctx = useBedrockTestContext();

const converse = (modelId: string) =>
  new ConverseCommand({ modelId, messages: [{ role: "user", content: [{ text: "hi" }] }] });

describe("inference profiles", () => {
  it("resolves profile ids and ARNs to the model id inside them", () => {
    expect(resolveBedrockModel("us.anthropic.claude-sonnet-4-5-20250929-v1:0")).toBe(
      "us.anthropic.claude-sonnet-4-5-20250929-v1:0",
    );
    expect(
      resolveBedrockModel(
        "arn:aws:bedrock:eu-west-1:123456789012:inference-profile/eu.anthropic.claude-haiku-4-5-20251001-v1:0",
      ),
    ).toBe("eu.anthropic.claude-haiku-4-5-20251001-v1:0");
    expect(resolveBedrockModel("arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-pro-v1:0")).toBe(
      "amazon.nova-pro-v1:0",
    );
    const application = "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc123";
    expect(resolveBedrockModel(application)).toBe(application);
  });

  for (const modelId of [
    "us.anthropic.claude-haiku-4-5-20251001-v1:0",
    "apac.anthropic.claude-haiku-4-5-20251001-v1:0",
    "global.anthropic.claude-haiku-4-5-20251001-v1:0",
    "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-haiku-4-5-20251001-v1:0",
  ]) {
    it(`prices ${modelId.slice(0, 40)}… as the model it routes to`, async () => {
      ctx.server.enqueue({ usage: { inputTokens: 1_000_000, outputTokens: 0 } });
      await ctx.observed().send(converse(modelId));
      const [span] = await waitForSpans(ctx.telemetry, 1);
      expect(span?.attributes["gen_ai.request.model"]).toBe(modelId);
      expect(span?.attributes["sightline.cost.match"]).not.toBe("unpriced");
      // Global endpoints carry no regional premium for Haiku 4.5: $1.00 vs $1.10 per million input tokens.
      expect(span?.attributes["gen_ai.usage.cost"]).toBeCloseTo(modelId.startsWith("global.") ? 1 : 1.1, 6);
    });
  }
});

describe("command selection", () => {
  it("finds a command whose class a bundler renamed by its schema's operation name", async () => {
    class Renamed extends ConverseCommand {}
    Object.defineProperty(Renamed, "name", { value: "a" });
    ctx.server.enqueue({});
    await ctx.observed().send(new Renamed({ modelId: "renamed-model", messages: [] }));
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.name).toBe("chat renamed-model");
  });
});
