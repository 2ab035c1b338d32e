import {
  InvokeModelCommand,
  InvokeModelWithResponseStreamCommand,
  ListAsyncInvokesCommand,
} from "@aws-sdk/client-bedrock-runtime";
import { describe, expect, it } from "vitest";
import { settle, useBedrockTestContext, waitForSpans } from "./test-helpers.js";

const ctx = useBedrockTestContext();

const anthropicBody = JSON.stringify({
  anthropic_version: "bedrock-2023-05-31",
  max_tokens: 256,
  temperature: 0.2,
  messages: [{ role: "user", content: [{ type: "text", text: "Hello" }] }],
});

describe("InvokeModel", () => {
  it("Anthropic messages: maps the body, and the caller still decodes output.body", async () => {
    ctx.server.enqueue({ usage: { inputTokens: 11, outputTokens: 7 } });
    const client = ctx.observed({ captureContent: true });
    const output = await client.send(
      new InvokeModelCommand({
        modelId: "anthropic.claude-haiku-4-5-20251001-v1:0",
        contentType: "application/json",
        body: anthropicBody,
      }),
    );
    const decoded = JSON.parse(output.body.transformToString());
    expect(decoded.content[0].text).toBe("Hello from the Sightline mock.");
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.name).toBe("chat anthropic.claude-haiku-4-5-20251001-v1:0");
    expect(span?.attributes).toMatchObject({
      "gen_ai.provider.name": "aws.bedrock",
      "gen_ai.request.max_tokens": 256,
      "gen_ai.request.temperature": 0.2,
      "gen_ai.response.id": decoded.id,
      "gen_ai.response.model": "anthropic.claude-haiku-4-5-20251001-v1:0",
      "gen_ai.response.finish_reasons": ["stop"],
      "gen_ai.usage.input_tokens": 11,
      "gen_ai.usage.output_tokens": 7,
      "server.address": "127.0.0.1",
    });
    expect(span?.attributes["gen_ai.usage.cost"]).toBeGreaterThan(0);
    expect(JSON.parse(String(span?.attributes["gen_ai.output.messages"]))).toEqual([
      {
        role: "assistant",
        parts: [{ type: "text", content: "Hello from the Sightline mock." }],
        finish_reason: "stop",
      },
    ]);
  });

  it("Meta Llama: a text completion, tokens from the body", async () => {
    ctx.server.enqueue({ text: "llama says hi", usage: { inputTokens: 5, outputTokens: 3 } });
    const output = await ctx.observed().send(
      new InvokeModelCommand({
        modelId: "meta.llama3-8b-instruct-v1:0",
        body: new TextEncoder().encode(JSON.stringify({ prompt: "hi", max_gen_len: 64, top_p: 0.9 })),
      }),
    );
    expect(JSON.parse(new TextDecoder().decode(output.body)).generation).toBe("llama says hi");
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.name).toBe("text_completion meta.llama3-8b-instruct-v1:0");
    expect(span?.attributes).toMatchObject({
      "gen_ai.operation.name": "text_completion",
      "gen_ai.request.max_tokens": 64,
      "gen_ai.request.top_p": 0.9,
      "gen_ai.response.finish_reasons": ["stop"],
      "gen_ai.usage.input_tokens": 5,
      "gen_ai.usage.output_tokens": 3,
      "sightline.cost.match": "exact",
    });
  });

  it("Mistral: tokens from the x-amzn-bedrock token-count headers when the body has none", async () => {
    ctx.server.enqueue({ usage: { inputTokens: 9, outputTokens: 4 } });
    const output = await ctx.observed().send(
      new InvokeModelCommand({
        modelId: "mistral.mistral-7b-instruct-v0:2",
        body: JSON.stringify({ prompt: "<s>[INST] hi [/INST]", max_tokens: 32 }),
      }),
    );
    expect(JSON.parse(output.body.transformToString()).outputs[0].text).toBe(
      "Hello from the Sightline mock.",
    );
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.attributes).toMatchObject({
      "gen_ai.usage.input_tokens": 9,
      "gen_ai.usage.output_tokens": 4,
      "gen_ai.response.finish_reasons": ["stop"],
    });
  });

  it("Amazon Nova: chat body, tokens and finish reason", async () => {
    ctx.server.enqueue({ usage: { inputTokens: 20, outputTokens: 6 } });
    await ctx.observed().send(
      new InvokeModelCommand({
        modelId: "us.amazon.nova-pro-v1:0",
        body: JSON.stringify({
          messages: [{ role: "user", content: [{ text: "hi" }] }],
          inferenceConfig: { max_new_tokens: 100, temperature: 0.5 },
        }),
      }),
    );
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.attributes).toMatchObject({
      "gen_ai.operation.name": "chat",
      "gen_ai.request.max_tokens": 100,
      "gen_ai.usage.input_tokens": 20,
      "gen_ai.usage.output_tokens": 6,
      // The catalog lists the us. cross-region profile itself.
      "sightline.cost.match": "exact",
      "sightline.cost.model": "us.amazon.nova-pro-v1:0",
      "gen_ai.response.finish_reasons": ["stop"],
    });
  });

  it("InvokeModelWithResponseStream (Anthropic): same chunks for the caller, tokens from the invocation metrics", async () => {
    ctx.server.enqueue({ text: "one two three", chunks: 3, usage: { inputTokens: 12, outputTokens: 8 } });
    const output = await ctx.observed({ captureContent: true }).send(
      new InvokeModelWithResponseStreamCommand({
        modelId: "us.anthropic.claude-haiku-4-5-20251001-v1:0",
        body: anthropicBody,
      }),
    );
    let text = "";
    for await (const event of output.body ?? []) {
      const chunk = JSON.parse(new TextDecoder().decode(event.chunk?.bytes));
      if (chunk.type === "content_block_delta") text += chunk.delta.text;
    }
    expect(text).toBe("one two three");
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.attributes).toMatchObject({
      "gen_ai.request.stream": true,
      "gen_ai.response.id": expect.stringMatching(/^msg_bdrk_mock_\d+$/),
      "gen_ai.response.finish_reasons": ["stop"],
      "gen_ai.usage.input_tokens": 12,
      "gen_ai.usage.output_tokens": 8,
      "sightline.stream.outcome": "completed",
    });
    expect(String(span?.attributes["gen_ai.output.messages"])).toContain("one two three");
  });

  it("InvokeModelWithResponseStream (Llama): text and tokens", async () => {
    ctx.server.enqueue({ text: "streamed llama", chunks: 2, usage: { inputTokens: 4, outputTokens: 2 } });
    const output = await ctx.observed().send(
      new InvokeModelWithResponseStreamCommand({
        modelId: "meta.llama3-70b-instruct-v1:0",
        body: JSON.stringify({ prompt: "hi" }),
      }),
    );
    let text = "";
    for await (const event of output.body ?? []) {
      text += JSON.parse(new TextDecoder().decode(event.chunk?.bytes)).generation;
    }
    expect(text).toBe("streamed llama");
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.attributes).toMatchObject({
      "gen_ai.operation.name": "text_completion",
      "gen_ai.usage.input_tokens": 4,
      "gen_ai.usage.output_tokens": 2,
      "sightline.stream.chunks": 2,
    });
  });
});

describe("other commands", () => {
  it("an unknown command passes through untraced", async () => {
    const client = ctx.observed();
    const error = await client.send(new ListAsyncInvokesCommand({})).catch((caught: unknown) => caught);
    // The mock has no route for it: the SDK's own error comes back, and no span is made.
    expect(error).toBeInstanceOf(Error);
    await settle();
    expect(ctx.telemetry.spans()).toHaveLength(0);
  });
});
