import { describe, expect, it } from "vitest";
import { normalizeModelName } from "./normalize-model-name.js";

describe("normalizeModelName", () => {
  it.each([
    [undefined, " GPT-4o ", "gpt-4o"],
    [undefined, "openai/gpt-4o", "gpt-4o"],
    [undefined, "models/gemini-2.0-flash", "gemini-2.0-flash"],
    ["aws.bedrock", "us.anthropic.claude-sonnet-4-20250514-v1:0", "claude-sonnet-4-20250514"],
    // GovCloud is priced above the commercial regions, so its profile prefix is kept like `global.`.
    ["aws.bedrock", "us-gov.anthropic.claude-3-haiku-20240307-v1:0", "us-gov.claude-3-haiku-20240307"],
    ["aws.bedrock", "jp.anthropic.claude-3-haiku-20240307-v1:0", "claude-3-haiku-20240307"],
    // A price region in front of the id is kept; the id behind it is normalised as usual.
    ["aws.bedrock", "us-east-1/anthropic.claude-instant-v1", "us-east-1/claude-instant"],
    [
      "aws.bedrock",
      "eu-central-1/eu.anthropic.claude-3-haiku-20240307-v1:0",
      "eu-central-1/claude-3-haiku-20240307",
    ],
    [
      "aws.bedrock",
      "us-gov-west-1/us-gov.anthropic.claude-3-haiku-20240307-v1:0",
      "us-gov-west-1/claude-3-haiku-20240307",
    ],
    ["azure.ai.openai", "US/GPT-4o", "us/gpt-4o"],
    ["azure.ai.openai", "azure/eu/gpt-4o-2024-08-06", "eu/gpt-4o-2024-08-06"],
    // Fireworks' own models lose their path; another account's keep it.
    ["fireworks_ai", "accounts/fireworks/models/llama-v3p1-8b-instruct", "llama-v3p1-8b-instruct"],
    [
      "fireworks_ai",
      "accounts/my-team/models/llama-v3p1-8b-instruct",
      "accounts/my-team/models/llama-v3p1-8b-instruct",
    ],
    ["aws.bedrock", "global.anthropic.claude-haiku-4-5-20251001-v1:0", "global.claude-haiku-4-5-20251001"],
    [undefined, "anthropic.claude-3-5-sonnet-20241022-v2:0", "claude-3-5-sonnet-20241022"],
    ["gcp.vertex_ai", "claude-sonnet-4@20250514", "claude-sonnet-4-20250514"],
    ["gcp.vertex_ai", "publishers/anthropic/models/claude-3-5-haiku@20241022", "claude-3-5-haiku-20241022"],
    [undefined, "claude-3.5-sonnet-latest", "claude-3-5-sonnet-latest"],
    [undefined, "claude-sonnet-4.5", "claude-sonnet-4-5"],
    ["groq", "meta-llama/llama-4-scout-17b-16e-instruct", "meta-llama/llama-4-scout-17b-16e-instruct"],
  ])("%s %s → %s", (provider, model, expected) => {
    expect(normalizeModelName(provider, model)).toBe(expected);
  });
});
