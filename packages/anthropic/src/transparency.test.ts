import { describe, expect, it } from "vitest";
import { detectAnthropicTarget } from "./detect-anthropic-target.js";
import { observeAnthropic } from "./observe-anthropic.js";
import { ANTHROPIC_VERSIONS, useAnthropicTestContext, waitForSpans } from "./test-helpers.js";

// Same objects, tee(), withResponse(), double wrap and withContext, as every provider keeps them: conformance.test.ts.
const ctx = useAnthropicTestContext();
const request = { model: "claude-x", max_tokens: 20, messages: [{ role: "user" as const, content: "hi" }] };

describe.each(ANTHROPIC_VERSIONS)("the wrapped %s client behaves as before", (_label, AnthropicClass) => {
  it("a Vertex-flavoured client class is reported as gcp.vertex_ai", async () => {
    class AnthropicVertex extends AnthropicClass {}
    const client = observeAnthropic(
      new AnthropicVertex({ apiKey: "test-key", baseURL: ctx.server.url, maxRetries: 0 }),
      { tracerProvider: ctx.telemetry.tracerProvider },
    );
    await client.messages.create(request);
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.attributes["gen_ai.provider.name"]).toBe("gcp.vertex_ai");
  });
});

describe("detectAnthropicTarget", () => {
  it.each([
    [{ className: "Anthropic", baseURL: "https://api.anthropic.com" }, "anthropic", "api.anthropic.com", 443],
    [{ className: "AnthropicBedrock", baseURL: undefined }, "aws.bedrock", undefined, undefined],
    [
      { className: "X", baseURL: "https://bedrock-runtime.us-east-1.amazonaws.com" },
      "aws.bedrock",
      "bedrock-runtime.us-east-1.amazonaws.com",
      443,
    ],
    [
      { className: "X", baseURL: "https://us-east5-aiplatform.googleapis.com/v1" },
      "gcp.vertex_ai",
      "us-east5-aiplatform.googleapis.com",
      443,
    ],
    [
      { className: "X", baseURL: "http://localhost:8080", selfReportedProvider: "aws.bedrock" },
      "aws.bedrock",
      "localhost",
      8080,
    ],
  ])("%o → %s", (input, provider, serverAddress, serverPort) => {
    expect(detectAnthropicTarget({ selfReportedProvider: undefined, ...input })).toEqual({
      provider,
      serverAddress,
      serverPort,
    });
  });

  it("the user's providerName wins", () => {
    const target = detectAnthropicTarget({
      baseURL: "https://api.anthropic.com",
      className: "AnthropicBedrock",
      selfReportedProvider: undefined,
      providerName: "my-gateway",
    });
    expect(target.provider).toBe("my-gateway");
  });
});
