import { describe, expect, it } from "vitest";
import { getPricingRegion } from "./get-pricing-region.js";

describe("getPricingRegion", () => {
  it.each([
    [
      { provider: "aws.bedrock", serverAddress: "bedrock-runtime.eu-central-1.amazonaws.com" },
      "eu-central-1",
    ],
    [
      { provider: "aws.bedrock", serverAddress: "bedrock-runtime-fips.us-gov-west-1.amazonaws.com" },
      "us-gov-west-1",
    ],
    [{ provider: "aws.bedrock", serverAddress: "127.0.0.1", region: "ap-south-1" }, "ap-south-1"],
    [{ provider: "aws.bedrock", serverAddress: "127.0.0.1" }, undefined],
    [{ provider: "openai", serverAddress: "api.openai.com" }, undefined],
    [{ provider: "azure.ai.openai", serverAddress: "eastus.api.cognitive.microsoft.com" }, undefined],
    [{ provider: "aws.bedrock" }, undefined],
  ])("%j → %s", (target, region) => {
    expect(getPricingRegion(target)).toBe(region);
  });
});
