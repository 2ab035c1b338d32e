import { createPriceRegistry } from "@sightline/core";
import { startStaticFileServer } from "@sightline/testing";
import { afterEach, describe, expect, it } from "vitest";
import { useOpenAITestContext, waitForSpans } from "./test-helpers.js";

// The run-time price refresh through a real client: the `prices` option loads a file over HTTP into the
// registry the wrapper prices with, and the next call's span carries the file's prices and version.
const ctx = useOpenAITestContext();
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

/** Serves a sightline.prices/v1 file of the bundled OpenAI entries with gpt-4o-mini at $1 / $2 per 1M tokens. */
async function servePriceFile(pricingVersion: string): Promise<string> {
  const entries = createPriceRegistry()
    .listModels("openai")
    .map((entry) => (entry.id === "gpt-4o-mini" ? { ...entry, prices: { input: "1", output: "2" } } : entry));
  const server = await startStaticFileServer({
    body: JSON.stringify({ format: "sightline.prices/v1", pricingVersion, entries }),
    name: "prices.json",
  });
  closers.push(server.close);
  return server.url;
}

describe("prices refreshed at run time", () => {
  it("prices a chat call from the loaded file and reports its version on the span", async () => {
    const url = await servePriceFile("team-prices-7");
    const registry = createPriceRegistry();
    const client = ctx.observed({ cost: { registry }, prices: { url } });
    await expect.poll(() => registry.pricingVersion, { timeout: 5_000 }).toBe("team-prices-7");
    ctx.server.enqueue({ model: "gpt-4o-mini", usage: { inputTokens: 1_000_000, outputTokens: 500_000 } });
    await client.chat.completions.create({
      model: "gpt-4o-mini",
      messages: [{ role: "user", content: "hi" }],
    });
    const [span] = await waitForSpans(ctx.telemetry, 1);
    // 1M × $1 + 500k × $2, where the bundled catalog says $0.15 / $0.60.
    expect(span?.attributes).toMatchObject({
      "gen_ai.usage.cost": 2,
      "sightline.cost.model": "gpt-4o-mini",
      "sightline.pricing.version": "team-prices-7",
    });
  });
});
