import { withContext } from "@sightline/core";
import { describe, expect, it } from "vitest";
import { detectAnthropicTarget } from "./detect-anthropic-target.js";
import { observeAnthropic } from "./observe-anthropic.js";
import { ANTHROPIC_VERSIONS, settle, useAnthropicTestContext, waitForSpans } from "./test-helpers.js";

const ctx = useAnthropicTestContext();
const request = { model: "claude-x", max_tokens: 20, messages: [{ role: "user" as const, content: "hi" }] };

describe.each(ANTHROPIC_VERSIONS)("the wrapped %s client behaves as before", (label, AnthropicClass) => {
  it("returns the same client object and the SDK's own APIPromise", async () => {
    const raw = ctx.raw(AnthropicClass);
    const observed = observeAnthropic(raw, { tracerProvider: ctx.telemetry.tracerProvider });
    expect(observed).toBe(raw);
    const promise = observed.messages.create(request);
    expect(promise.constructor.name).toBe("APIPromise");
    expect(typeof promise.withResponse).toBe("function");
    await promise;
  });

  it("withResponse() on a streaming call gives the stream and the raw response", async () => {
    const client = ctx.observed({}, AnthropicClass);
    const {
      data: stream,
      response,
      request_id,
    } = await client.messages.create({ ...request, stream: true }).withResponse();
    expect(response.status).toBe(200);
    expect(request_id).toMatch(/^req_mock_/);
    let text = "";
    for await (const event of stream) {
      if (event.type === "content_block_delta" && event.delta.type === "text_delta") text += event.delta.text;
    }
    expect(text).toBe("Hello from the Sightline mock.");
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.attributes["sightline.stream.outcome"]).toBe("completed");
  });

  it("asResponse() leaves the body unread for the caller and still ends the span", async () => {
    const client = ctx.observed({ abandonedAfterMs: 30 }, AnthropicClass);
    const response = await client.messages.create(request).asResponse();
    const body = (await response.json()) as { type: string };
    expect(body.type).toBe("message");
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.attributes["sightline.response.read"]).toBe(false);
    expect(span?.attributes["http.response.status_code"]).toBe(200);
  });

  it("tee() gives two full copies and the span counts each event once", async () => {
    ctx.server.enqueue({ text: "one two three", chunks: 3 });
    const client = ctx.observed({}, AnthropicClass);
    const stream = await client.messages.create({ ...request, stream: true });
    const [left, right] = stream.tee();
    const read = async (branch: typeof left) => {
      let text = "";
      for await (const event of branch) {
        if (event.type === "content_block_delta" && event.delta.type === "text_delta")
          text += event.delta.text;
      }
      return text;
    };
    expect(await Promise.all([read(left), read(right)])).toEqual(["one two three", "one two three"]);
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(ctx.server.requests).toHaveLength(1);
    expect(span?.attributes["sightline.stream.outcome"]).toBe("completed");
    // message_start, block start, 3 deltas, block stop, message_delta, message_stop
    expect(span?.attributes["sightline.stream.chunks"]).toBe(8);
  });

  it("toReadableStream() still gives the bytes, and the span completes", async () => {
    ctx.server.enqueue({ text: "readable", chunks: 2 });
    const client = ctx.observed({}, AnthropicClass);
    const stream = await client.messages.create({ ...request, stream: true });
    const reader = stream.toReadableStream().getReader();
    let bytes = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.length;
    }
    expect(bytes).toBeGreaterThan(0);
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.attributes["sightline.stream.outcome"]).toBe("completed");
  });

  it("wrapping the same client twice produces one span per call", async () => {
    const client = ctx.observed({}, AnthropicClass);
    observeAnthropic(client, { tracerProvider: ctx.telemetry.tracerProvider });
    await client.messages.create(request);
    await waitForSpans(ctx.telemetry, 1);
    await settle();
    expect(ctx.telemetry.spans()).toHaveLength(1);
  });

  it("withContext puts conversation and feature on the span", async () => {
    const client = ctx.observed({}, AnthropicClass);
    await withContext({ conversationId: `conv-${label}`, feature: "support-reply" }, () =>
      client.messages.create(request),
    );
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.attributes).toMatchObject({
      "gen_ai.conversation.id": `conv-${label}`,
      "sightline.feature": "support-reply",
    });
  });

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

describe("observeAnthropic given something that is not a client", () => {
  it("returns it unchanged, without throwing", () => {
    for (const value of [null, undefined, {}]) expect(observeAnthropic(value as never)).toBe(value);
  });
});
