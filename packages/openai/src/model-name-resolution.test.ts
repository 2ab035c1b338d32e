import { createPriceRegistry } from "@sightline/core";
import { createHostRoutingFetch } from "@sightline/testing";
import { AzureOpenAI } from "openai";
import { describe, expect, it } from "vitest";
import { observeOpenAI } from "./observe-openai.js";
import { useOpenAITestContext, waitForSpans } from "./test-helpers.js";

// The pricing package's name rules, through the real openai client: the mock reports the model named in the
// script, as OpenAI and Azure report fine-tuned models and deployments.
const ctx = useOpenAITestContext();
const messages = [{ role: "user" as const, content: "hi" }];
const usage = { inputTokens: 1_000_000, outputTokens: 0 };

type CatalogEntry = NonNullable<NonNullable<Parameters<typeof createPriceRegistry>[0]>["catalog"]>[number];
const entry = (provider: string, id: string, input: string): CatalogEntry => ({
  provider,
  id,
  prices: { input, output: input },
  sourceUrl: "https://example.com/pricing",
  source: "test",
  checkedAt: "2026-12-03",
});
const catalog = [
  entry("openai", "gpt-4o-mini", "0.15"),
  entry("openai", "ft:gpt-4o-mini-2024-07-18", "0.30"),
  entry("azure.ai.openai", "gpt-4o", "2.50"),
  entry("azure.ai.openai", "us/gpt-4o", "2.75"),
  entry("azure.ai.openai", "ft:gpt-4o-mini-2024-07-18", "0.33"),
];

function azureClient(azureDeployments?: Record<string, string>) {
  const raw = new AzureOpenAI({
    apiKey: "azure-key",
    endpoint: "https://acme.openai.azure.com",
    apiVersion: "2024-10-21",
    maxRetries: 0,
    fetch: createHostRoutingFetch(ctx.server.url),
  });
  return observeOpenAI(raw, {
    tracerProvider: ctx.telemetry.tracerProvider,
    meterProvider: ctx.telemetry.meterProvider,
    cost: { registry: createPriceRegistry({ catalog }) },
    azureDeployments,
  });
}

describe("model names through the real openai client", () => {
  it("prices an OpenAI fine-tune at its fine-tune rates", async () => {
    const model = "ft:gpt-4o-mini-2024-07-18:acme:support-bot:AbC123";
    ctx.server.enqueue({ model, usage });
    const client = ctx.observed({ cost: { registry: createPriceRegistry({ catalog }) } });
    await client.chat.completions.create({ model, messages });
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.attributes).toMatchObject({
      "gen_ai.response.model": model,
      "sightline.cost.model": "ft:gpt-4o-mini-2024-07-18",
      "sightline.cost.match": "normalized",
    });
    expect(span?.attributes["gen_ai.usage.cost"]).toBeCloseTo(0.3, 12);
  });

  it("leaves a fine-tune without a fine-tune price unpriced, not at the base model's price", async () => {
    const model = "ft:gpt-4o-mini-2024-07-18:acme::AbC123";
    ctx.server.enqueue({ model, usage });
    const client = ctx.observed({
      cost: { registry: createPriceRegistry({ catalog: catalog.slice(0, 1) }) },
    });
    await client.chat.completions.create({ model, messages });
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.attributes["sightline.cost.match"]).toBe("unpriced");
    expect(span?.attributes["gen_ai.usage.cost"]).toBeUndefined();
  });

  it("prices an Azure data-zone deployment mapped to us/gpt-4o at the data-zone price", async () => {
    ctx.server.enqueue({ model: "gpt-4o-2024-11-20", usage });
    await azureClient({ "prod-chat": "us/gpt-4o" }).chat.completions.create({ model: "prod-chat", messages });
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(ctx.server.requests[0]?.path).toBe("/openai/deployments/prod-chat/chat/completions");
    expect(span?.attributes["sightline.cost.model"]).toBe("us/gpt-4o");
    // The wrapper maps the deployment itself and hands the registry `us/gpt-4o`: an exact id.
    expect(span?.attributes["sightline.cost.match"]).toBe("exact");
    expect(span?.attributes["gen_ai.usage.cost"]).toBeCloseTo(2.75, 12);
  });

  it("prices an Azure fine-tuned model by Azure's fine-tune entry", async () => {
    ctx.server.enqueue({ model: "gpt-4o-mini-2024-07-18.ft-0123456789abcdef0123456789abcdef", usage });
    await azureClient().chat.completions.create({ model: "my-fine-tune", messages });
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.attributes["sightline.cost.model"]).toBe("ft:gpt-4o-mini-2024-07-18");
    expect(span?.attributes["gen_ai.usage.cost"]).toBeCloseTo(0.33, 12);
  });
});
