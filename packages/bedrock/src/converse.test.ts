import { BedrockRuntimeClient, ConverseStreamCommand } from "@aws-sdk/client-bedrock-runtime";
import { describe, expect, it } from "vitest";
import { detectBedrockTarget } from "./detect-bedrock-target.js";
import { useBedrockTestContext, waitForSpans } from "./test-helpers.js";

const ctx = useBedrockTestContext();

describe("converse", () => {
  it("ConverseStream: a tool call, the stop reason and usage (with cache reads inside input tokens)", async () => {
    ctx.server.enqueue({
      text: "let me look",
      chunks: 2,
      toolCalls: [{ id: "tooluse_1", name: "get_weather", arguments: '{"city":"Paris"}' }],
      usage: { inputTokens: 30, outputTokens: 9, cachedInputTokens: 10 },
    });
    const output = await ctx.observed({ captureContent: true }).send(
      new ConverseStreamCommand({
        modelId: "anthropic.claude-haiku-4-5-20251001-v1:0",
        messages: [{ role: "user", content: [{ text: "weather?" }] }],
        toolConfig: {
          tools: [{ toolSpec: { name: "get_weather", inputSchema: { json: { type: "object" } } } }],
        },
        inferenceConfig: { maxTokens: 200, temperature: 0.1 },
      }),
    );
    const types: string[] = [];
    for await (const event of output.stream ?? [])
      types.push(Object.keys(event).find((key) => key !== "$unknown") ?? "");
    expect(types).toContain("contentBlockStart");
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.attributes).toMatchObject({
      "gen_ai.request.max_tokens": 200,
      "gen_ai.request.temperature": 0.1,
      "gen_ai.response.finish_reasons": ["tool_call"],
      "gen_ai.usage.input_tokens": 40,
      "gen_ai.usage.cache_read.input_tokens": 10,
      "gen_ai.usage.output_tokens": 9,
    });
    expect(JSON.parse(String(span?.attributes["gen_ai.output.messages"]))).toEqual([
      {
        role: "assistant",
        parts: [
          { type: "text", content: "let me look" },
          { type: "tool_call", id: "tooluse_1", name: "get_weather", arguments: { city: "Paris" } },
        ],
        finish_reason: "tool_call",
      },
    ]);
    expect(String(span?.attributes["gen_ai.tool.definitions"])).toContain("get_weather");
  });

  it("server.address is bedrock-runtime.REGION.amazonaws.com without a custom endpoint", async () => {
    const client = new BedrockRuntimeClient({
      region: "eu-west-3",
      credentials: { accessKeyId: "AKIDMOCK", secretAccessKey: "mock-secret" },
    });
    expect(await detectBedrockTarget({ client })).toEqual({
      provider: "aws.bedrock",
      serverAddress: "bedrock-runtime.eu-west-3.amazonaws.com",
      region: "eu-west-3",
    });
    expect((await detectBedrockTarget({ client, providerName: "my-bedrock" })).provider).toBe("my-bedrock");
  });
});
