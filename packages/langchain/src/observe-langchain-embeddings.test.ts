import { OpenAIEmbeddings } from "@langchain/openai";
import { context } from "@opentelemetry/api";
import { getSightlineOperation } from "@sightline/core/provider";
import { describe, expect, it } from "vitest";
import { observeLangChainEmbeddings } from "./observe-langchain-embeddings.js";
import { useLangChainTestContext, waitForSpans } from "./test-helpers.js";

const ctx = useLangChainTestContext();
const providers = () => ({
  tracerProvider: ctx.telemetry.tracerProvider,
  meterProvider: ctx.telemetry.meterProvider,
});

describe("observeLangChainEmbeddings", () => {
  it("records embedQuery and embedDocuments as embeddings CLIENT spans and returns the same object", async () => {
    const raw = ctx.openAIEmbeddings();
    const embeddings = observeLangChainEmbeddings(raw, providers());
    expect(embeddings).toBe(raw);
    expect(observeLangChainEmbeddings(embeddings, providers())).toBe(raw);
    const vector = await embeddings.embedQuery("hello");
    const vectors = await embeddings.embedDocuments(["a", "b"]);
    expect(vector.length).toBeGreaterThan(0);
    expect(vectors).toHaveLength(2);
    const spans = await waitForSpans(ctx.telemetry, 2);
    for (const span of spans) {
      expect(span.name).toBe("embeddings text-embedding-3-small");
      expect(span.attributes).toMatchObject({
        "gen_ai.operation.name": "embeddings",
        "gen_ai.provider.name": "openai",
        "gen_ai.embeddings.dimension.count": vector.length,
      });
    }
  });

  it("runs the request under Sightline's mark, so a Sightline client wrapper below records nothing twice", async () => {
    let marked: unknown;
    const embeddings = observeLangChainEmbeddings(
      new OpenAIEmbeddings({
        model: "text-embedding-3-small",
        apiKey: "test-key",
        maxRetries: 0,
        configuration: {
          baseURL: ctx.server.openaiBaseURL,
          fetch: (url: string | URL | Request, init?: RequestInit) => {
            marked = getSightlineOperation(context.active());
            return fetch(url, init);
          },
        },
      }),
      providers(),
    );
    await embeddings.embedQuery("hello");
    expect(marked).toMatchObject({ operation: "embeddings" });
  });

  it("re-throws the provider's error and marks the span", async () => {
    ctx.server.enqueue({ status: 500 });
    const embeddings = observeLangChainEmbeddings(ctx.openAIEmbeddings(), providers());
    await expect(embeddings.embedQuery("hello")).rejects.toBeInstanceOf(Error);
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.attributes["error.type"]).toBeTruthy();
  });
});
