import { withContext } from "@sightline/core";
import { describe, expect, it } from "vitest";
import { observeOpenAI } from "./observe-openai.js";
import { OPENAI_VERSIONS, useOpenAITestContext, waitForSpans } from "./test-helpers.js";

const ctx = useOpenAITestContext();
const messages = [{ role: "user" as const, content: "hi" }];

describe.each(OPENAI_VERSIONS)("the wrapped %s client behaves as before", (_label, OpenAIClass) => {
  it("returns the same client object and the SDK's own APIPromise", async () => {
    const raw = ctx.raw(OpenAIClass);
    const observed = observeOpenAI(raw, { tracerProvider: ctx.telemetry.tracerProvider });
    expect(observed).toBe(raw);
    const promise = observed.chat.completions.create({ model: "gpt-4o", messages });
    expect(promise.constructor.name).toBe("APIPromise");
    expect(typeof promise.withResponse).toBe("function");
    await promise;
  });

  it("withResponse() on a streaming call gives the stream and the raw response", async () => {
    const client = ctx.observed({}, OpenAIClass);
    const {
      data: stream,
      response,
      request_id,
    } = await client.chat.completions.create({ model: "gpt-4o", messages, stream: true }).withResponse();
    expect(response.status).toBe(200);
    expect(request_id).toMatch(/^req_mock_/);
    let text = "";
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? "";
    expect(text).toBe("Hello from the Sightline mock.");
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.attributes["sightline.stream.outcome"]).toBe("completed");
  });

  it("asResponse() leaves the body unread for the caller and still ends the span", async () => {
    const client = ctx.observed({ abandonedAfterMs: 30 }, OpenAIClass);
    const response = await client.chat.completions.create({ model: "gpt-4o", messages }).asResponse();
    const body = (await response.json()) as { object: string };
    expect(body.object).toBe("chat.completion");
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.attributes["sightline.response.read"]).toBe(false);
    expect(span?.attributes["http.response.status_code"]).toBe(200);
  });

  it("tee() gives two full copies and the span counts each chunk once", async () => {
    ctx.server.enqueue({ text: "one two three", chunks: 3 });
    const client = ctx.observed({}, OpenAIClass);
    const stream = await client.chat.completions.create({ model: "gpt-4o", messages, stream: true });
    const [left, right] = stream.tee();
    const read = async (branch: typeof left) => {
      let text = "";
      for await (const chunk of branch) text += chunk.choices[0]?.delta.content ?? "";
      return text;
    };
    expect(await Promise.all([read(left), read(right)])).toEqual(["one two three", "one two three"]);
    const [span] = await waitForSpans(ctx.telemetry, 1);
    const rawChunks = ctx.server.requests.length; // one request only
    expect(rawChunks).toBe(1);
    expect(span?.attributes["sightline.stream.outcome"]).toBe("completed");
    expect(span?.attributes["sightline.stream.chunks"]).toBeLessThanOrEqual(6);
  });

  it("toReadableStream() round-trips through the SDK's Stream.fromReadableStream", async () => {
    ctx.server.enqueue({ text: "readable", chunks: 2 });
    const client = ctx.observed({}, OpenAIClass);
    const stream = await client.chat.completions.create({ model: "gpt-4o", messages, stream: true });
    const readable = stream.toReadableStream();
    const reader = readable.getReader();
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
    const client = ctx.observed({}, OpenAIClass);
    observeOpenAI(client, { tracerProvider: ctx.telemetry.tracerProvider });
    await client.chat.completions.create({ model: "gpt-4o", messages });
    await waitForSpans(ctx.telemetry, 1);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(ctx.telemetry.spans()).toHaveLength(1);
  });

  it('streamUsage: "inject" gets token counts and hides the extra chunk', async () => {
    ctx.server.enqueue({ usage: { inputTokens: 8, outputTokens: 4 } });
    const plain = ctx.raw(OpenAIClass);
    const rawChunks: unknown[] = [];
    for await (const chunk of await plain.chat.completions.create({
      model: "gpt-4o",
      messages,
      stream: true,
    })) {
      rawChunks.push(chunk);
    }
    const client = ctx.observed({ streamUsage: "inject" }, OpenAIClass);
    ctx.server.enqueue({ usage: { inputTokens: 8, outputTokens: 4 } });
    const seen: { usage?: unknown }[] = [];
    for await (const chunk of await client.chat.completions.create({
      model: "gpt-4o",
      messages,
      stream: true,
    })) {
      seen.push(chunk);
    }
    expect(seen.length).toBe(rawChunks.length);
    expect(seen.some((chunk) => chunk.usage)).toBe(false);
    const sent = ctx.server.requests.at(-1)?.body as { stream_options?: { include_usage?: boolean } };
    expect(sent.stream_options?.include_usage).toBe(true);
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.attributes["gen_ai.usage.input_tokens"]).toBe(8);
    expect(span?.attributes["gen_ai.usage.output_tokens"]).toBe(4);
  });

  it("withContext puts conversation, user and feature on spans, and only low-cardinality ones on metrics", async () => {
    const client = ctx.observed({}, OpenAIClass);
    const model = `context-${_label}`;
    await withContext({ conversationId: "conv-1", userId: "user-9", tenantId: "acme" }, () =>
      withContext({ feature: "support-reply", promptId: "reply-v2" }, () =>
        client.chat.completions.create({ model, messages }),
      ),
    );
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.attributes).toMatchObject({
      "gen_ai.conversation.id": "conv-1",
      "user.id": "user-9",
      "sightline.tenant.id": "acme",
      "sightline.feature": "support-reply",
      "sightline.prompt.id": "reply-v2",
    });
    const points = (await ctx.telemetry.metricPoints("gen_ai.client.operation.duration")).filter(
      (point) => point.attributes["gen_ai.request.model"] === model,
    );
    expect(points[0]?.attributes["sightline.feature"]).toBe("support-reply");
    expect(points[0]?.attributes["user.id"]).toBeUndefined();
    expect(points[0]?.attributes["sightline.tenant.id"]).toBeUndefined();
  });
});

describe("observeOpenAI given something that is not a client", () => {
  it("returns it unchanged, without throwing", () => {
    for (const value of [null, undefined, {}]) expect(observeOpenAI(value as never)).toBe(value);
  });
});
