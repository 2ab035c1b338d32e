import { createGovernance, PolicyViolationError } from "@sightline/core";
import { embed, embedMany, wrapEmbeddingModel } from "ai";
import { describe, expect, it } from "vitest";
import { sightlineEmbeddingMiddleware } from "./sightline-embedding-middleware.js";
import { settle, spansNamed, useAISDKTestContext, waitForSpans } from "./test-helpers.js";

const ctx = useAISDKTestContext();
const providers = () => ({
  tracerProvider: ctx.telemetry.tracerProvider,
  meterProvider: ctx.telemetry.meterProvider,
});
const embedder = (options: Parameters<typeof sightlineEmbeddingMiddleware>[0] = {}) =>
  wrapEmbeddingModel({
    model: ctx.openaiProvider().embedding("text-embedding-3-small"),
    middleware: sightlineEmbeddingMiddleware({ ...providers(), ...options }),
  });

describe("sightlineEmbeddingMiddleware", () => {
  it("records each embedding request with tokens, dimensions and cost", async () => {
    const { embedding } = await embed({ model: embedder(), value: "hello" });
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.name).toBe("embeddings text-embedding-3-small");
    expect(span?.attributes).toMatchObject({
      "gen_ai.operation.name": "embeddings",
      "gen_ai.provider.name": "openai",
      "gen_ai.embeddings.dimension.count": embedding.length,
    });
    expect(span?.attributes["gen_ai.usage.input_tokens"]).toBeGreaterThan(0);
    expect(span?.attributes["gen_ai.usage.cost"]).toBeGreaterThan(0);
  });

  it("refuses an embedMany against a policy in enforce mode before any request is sent", async () => {
    const governance = createGovernance({
      mode: "enforce",
      policies: [{ name: "no-openai", allowedProviders: ["anthropic"] }],
    });
    const error = await embedMany({ model: embedder({ governance }), values: ["a", "b"] }).catch(
      (caught: unknown) => caught,
    );
    expect(PolicyViolationError.isInstance(error)).toBe(true);
    expect(ctx.server.requests).toHaveLength(0);
    const [refused] = await waitForSpans(ctx.telemetry, 1);
    expect(refused?.attributes["sightline.governance.refused"]).toBe(true);
  });

  it("with the integration's embedding spans off, each request is one span", async () => {
    await embedMany({
      model: embedder(),
      values: ["a", "b", "c"],
      telemetry: { integrations: [ctx.integration({ embeddingSpans: false })] },
    });
    await waitForSpans(ctx.telemetry, 2);
    await settle();
    expect(spansNamed(ctx.telemetry.spans(), "embeddings text-embedding-3-small")).toHaveLength(1);
    expect(spansNamed(ctx.telemetry.spans(), "invoke_agent embedMany")).toHaveLength(1);
  });
});
