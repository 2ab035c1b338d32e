import { BedrockRuntimeClient, ConverseCommand } from "@aws-sdk/client-bedrock-runtime";
import { createPriceRegistry } from "@sightline/core";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import { describe, expect, it } from "vitest";
import { observeBedrock } from "./observe-bedrock.js";
import { useBedrockTestContext, waitForSpans } from "./test-helpers.js";

const ctx = useBedrockTestContext();

type CatalogEntry = NonNullable<NonNullable<Parameters<typeof createPriceRegistry>[0]>["catalog"]>[number];

const entry = (id: string, input: string): CatalogEntry => ({
  provider: "aws.bedrock",
  id,
  prices: { input, output: input },
  sourceUrl: "https://aws.amazon.com/bedrock/pricing/",
  source: "test",
  checkedAt: "2026-12-03",
});

/** Region-specific keys as the LiteLLM import writes them: `<region>/<model id>`. */
const catalog = [
  entry("anthropic.claude-instant-v1", "0.80"),
  entry("us-east-1/anthropic.claude-instant-v1", "0.80"),
  entry("eu-central-1/anthropic.claude-instant-v1", "2.48"),
];

const converse = (modelId: string) =>
  new ConverseCommand({ modelId, messages: [{ role: "user", content: [{ text: "hi" }] }] });

function clientIn(region: string): BedrockRuntimeClient {
  return new BedrockRuntimeClient({
    region,
    endpoint: ctx.server.url,
    credentials: { accessKeyId: "AKIDMOCK", secretAccessKey: "mock-secret" },
    maxAttempts: 1,
    requestHandler: new NodeHttpHandler(),
  });
}

describe("regional prices", () => {
  for (const [region, id, cost] of [
    ["eu-central-1", "eu-central-1/anthropic.claude-instant-v1", 2.48],
    ["us-east-1", "us-east-1/anthropic.claude-instant-v1", 0.8],
    // A region without its own price: the region-less one.
    ["ap-south-1", "anthropic.claude-instant-v1", 0.8],
  ] as const) {
    it(`prices a call from a ${region} client (custom endpoint) at ${id}`, async () => {
      ctx.server.enqueue({ usage: { inputTokens: 1_000_000, outputTokens: 0 } });
      const client = observeBedrock(clientIn(region), {
        tracerProvider: ctx.telemetry.tracerProvider,
        meterProvider: ctx.telemetry.meterProvider,
        cost: { registry: createPriceRegistry({ catalog }) },
      });
      await client.send(converse("anthropic.claude-instant-v1"));
      const [span] = await waitForSpans(ctx.telemetry, 1);
      expect(span?.attributes["server.address"]).toBe("127.0.0.1");
      expect(span?.attributes["sightline.cost.model"]).toBe(id);
      expect(span?.attributes["gen_ai.usage.cost"]).toBeCloseTo(cost, 9);
    });
  }

  it("prices an application inference profile ARN through the registry's bedrockModels map", async () => {
    const arn = "arn:aws:bedrock:eu-central-1:123456789012:application-inference-profile/a1b2c3d4e5f6";
    const registry = createPriceRegistry({ catalog });
    ctx.server.enqueue({ usage: { inputTokens: 1_000_000, outputTokens: 0 } });
    const observed = () =>
      observeBedrock(clientIn("eu-central-1"), {
        tracerProvider: ctx.telemetry.tracerProvider,
        meterProvider: ctx.telemetry.meterProvider,
        cost: { registry },
      });
    await observed().send(converse(arn));
    const [unmapped] = await waitForSpans(ctx.telemetry, 1);
    expect(unmapped?.attributes["sightline.cost.match"]).toBe("unpriced");
    expect(unmapped?.attributes["gen_ai.usage.cost"]).toBeUndefined();

    ctx.telemetry.resetSpans();
    registry.registerBedrockModel(arn, "eu.anthropic.claude-instant-v1");
    ctx.server.enqueue({ usage: { inputTokens: 1_000_000, outputTokens: 0 } });
    await observed().send(converse(arn));
    const [mapped] = await waitForSpans(ctx.telemetry, 1);
    expect(mapped?.attributes["gen_ai.request.model"]).toBe(arn);
    expect(mapped?.attributes["sightline.cost.model"]).toBe("eu-central-1/anthropic.claude-instant-v1");
    expect(mapped?.attributes["gen_ai.usage.cost"]).toBeCloseTo(2.48, 9);
  });
});
