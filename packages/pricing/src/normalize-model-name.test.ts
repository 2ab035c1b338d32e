import { describe, expect, it } from "vitest";
import { normalizeModelName } from "./normalize-model-name.js";

describe("normalizeModelName", () => {
  it.each([
    [undefined, " GPT-4o ", "gpt-4o"],
    [undefined, "openai/gpt-4o", "gpt-4o"],
    [undefined, "models/gemini-2.0-flash", "gemini-2.0-flash"],
    ["aws.bedrock", "us.anthropic.claude-sonnet-4-20250514-v1:0", "claude-sonnet-4-20250514"],
    ["aws.bedrock", "us-gov.anthropic.claude-3-haiku-20240307-v1:0", "claude-3-haiku-20240307"],
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
