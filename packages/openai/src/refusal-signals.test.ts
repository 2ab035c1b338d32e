import { createDriftMonitor } from "@sightline/core";
import { createHostRoutingFetch, type MockScript, recordDriftCategory } from "@sightline/testing";
import { AzureOpenAI } from "openai";
import { describe, expect, it } from "vitest";
import { observeOpenAI } from "./observe-openai.js";
import { useOpenAITestContext, waitForSpans } from "./test-helpers.js";

// Provider-reported refusals: read from the response's own fields, so content capture stays off (the default).
const ctx = useOpenAITestContext();
const messages = [{ role: "user" as const, content: "hi" }];

async function chat(script: MockScript, stream = false) {
  ctx.server.enqueue(script);
  const { monitor, values: refusals } = recordDriftCategory(createDriftMonitor(), "refusal");
  const client = ctx.observed({ drift: { monitor } });
  if (stream) {
    const chunks = await client.chat.completions.create({ model: "gpt-4o", messages, stream: true });
    for await (const _chunk of chunks);
  } else {
    await client.chat.completions.create({ model: "gpt-4o", messages });
  }
  const [span] = await waitForSpans(ctx.telemetry, 1);
  return { attributes: span?.attributes ?? {}, refusal: refusals[0] };
}

async function respond(script: MockScript, stream = false) {
  ctx.server.enqueue(script);
  const { monitor, values: refusals } = recordDriftCategory(createDriftMonitor(), "refusal");
  const client = ctx.observed({ drift: { monitor } });
  if (stream) {
    const events = await client.responses.create({ model: "gpt-4o", input: "hi", stream: true });
    for await (const _event of events);
  } else {
    await client.responses.create({ model: "gpt-4o", input: "hi" });
  }
  const [span] = await waitForSpans(ctx.telemetry, 1);
  return { attributes: span?.attributes ?? {}, refusal: refusals[0] };
}

describe("chat completions report the provider's refusal with content capture off", () => {
  it.each([false, true])("finish_reason content_filter (stream: %s)", async (stream) => {
    const result = await chat({ finishReason: "content_filter" }, stream);
    expect(result.attributes["sightline.response.refusal"]).toBe("content_filter");
    expect(result.attributes["gen_ai.output.messages"]).toBeUndefined();
    expect(result.refusal).toBe("yes");
  });

  it.each([false, true])("the message's refusal field (stream: %s)", async (stream) => {
    const result = await chat({ refusal: "I can't help with that request." }, stream);
    expect(result.attributes["sightline.response.refusal"]).toBe("refusal");
    expect(result.refusal).toBe("yes");
  });

  it.each([false, true])("an Azure content filter result that filtered (stream: %s)", async (stream) => {
    const filtered = {
      hate: { filtered: true, severity: "high" },
      violence: { filtered: false, severity: "safe" },
    };
    const result = await chat(
      { responseFields: { prompt_filter_results: [{ prompt_index: 0, content_filter_results: filtered }] } },
      stream,
    );
    expect(result.attributes["sightline.response.refusal"]).toBe("content_filter");
    expect(result.refusal).toBe("yes");
  });

  it.each([false, true])("an ordinary answer is no refusal (stream: %s)", async (stream) => {
    const safe = { hate: { filtered: false, severity: "safe" } };
    const result = await chat(
      { responseFields: { prompt_filter_results: [{ prompt_index: 0, content_filter_results: safe }] } },
      stream,
    );
    expect(result.attributes["sightline.response.refusal"]).toBeUndefined();
    expect(result.refusal).toBe("no");
  });
});

describe("Azure OpenAI through the real AzureOpenAI client", () => {
  async function azureChat(script: MockScript, stream: boolean) {
    ctx.server.enqueue(script);
    const { monitor, values: refusals } = recordDriftCategory(createDriftMonitor(), "refusal");
    const raw = new AzureOpenAI({
      apiKey: "azure-key",
      endpoint: "https://acme.openai.azure.com",
      apiVersion: "2024-10-21",
      maxRetries: 0,
      fetch: createHostRoutingFetch(ctx.server.url),
    });
    const client = observeOpenAI(raw, {
      tracerProvider: ctx.telemetry.tracerProvider,
      meterProvider: ctx.telemetry.meterProvider,
      drift: { monitor },
    });
    if (stream) {
      const chunks = await client.chat.completions.create({ model: "gpt-4o", messages, stream: true });
      for await (const _chunk of chunks);
    } else {
      await client.chat.completions.create({ model: "gpt-4o", messages });
    }
    const [span] = await waitForSpans(ctx.telemetry, 1);
    return { attributes: span?.attributes ?? {}, refusal: refusals[0] };
  }

  it.each([false, true])(
    "safe filter results on the prompt and answer are no refusal (stream: %s)",
    async (stream) => {
      const result = await azureChat({}, stream);
      expect(result.attributes["gen_ai.provider.name"]).toBe("azure.ai.openai");
      expect(result.attributes["sightline.response.refusal"]).toBeUndefined();
      expect(result.refusal).toBe("no");
    },
  );

  it("a content-filtered answer (finish_reason and a filtered category) is a refusal", async () => {
    const result = await azureChat({ finishReason: "content_filter" }, false);
    expect(result.attributes["sightline.response.refusal"]).toBe("content_filter");
    expect(result.refusal).toBe("yes");
  });
});

describe("responses report the provider's refusal with content capture off", () => {
  it.each([false, true])("incomplete_details.reason content_filter (stream: %s)", async (stream) => {
    const result = await respond({ finishReason: "content_filter" }, stream);
    expect(result.attributes["sightline.response.refusal"]).toBe("content_filter");
    expect(result.refusal).toBe("yes");
  });

  it.each([false, true])("a refusal content part (stream: %s)", async (stream) => {
    const result = await respond({ refusal: "I can't help with that." }, stream);
    expect(result.attributes["sightline.response.refusal"]).toBe("refusal");
    expect(result.refusal).toBe("yes");
  });

  it("an ordinary answer is no refusal", async () => {
    const result = await respond({});
    expect(result.attributes["sightline.response.refusal"]).toBeUndefined();
    expect(result.refusal).toBe("no");
  });
});

describe("drift", () => {
  it("a rising provider-reported refusal rate raises a refusal drift event with content capture off", async () => {
    const monitor = createDriftMonitor({ referenceSize: 40, windowSize: 40 });
    const client = ctx.observed({ drift: { monitor } });
    // Reference: 1 refusal in 40 calls; then every other call is filtered.
    const scripts: MockScript[] = Array.from({ length: 80 }, (_, call) =>
      (call < 40 && call === 17) || (call >= 40 && call % 2 === 0) ? { finishReason: "content_filter" } : {},
    );
    ctx.server.enqueue(...scripts);
    for (let call = 0; call < scripts.length; call++) {
      await client.chat.completions.create({ model: "gpt-4o", messages });
    }
    const spans = await waitForSpans(ctx.telemetry, scripts.length);
    const refusalDrift = spans.flatMap((span) =>
      span.events.filter(
        (event) =>
          event.name === "sightline.drift" && event.attributes?.["sightline.drift.signal"] === "refusal",
      ),
    );
    expect(refusalDrift).toHaveLength(1);
    expect(spans.filter((span) => span.attributes["sightline.response.refusal"])).toHaveLength(21);
  });
});
