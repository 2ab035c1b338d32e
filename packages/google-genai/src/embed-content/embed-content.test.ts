import { describe, expect, it } from "vitest";
import { useGoogleGenAITestContext, waitForSpans } from "../test-helpers.js";

const ctx = useGoogleGenAITestContext();

describe("models.embedContent", () => {
  it("records an embeddings span with the vector length", async () => {
    const ai = ctx.observed({ captureContent: true });
    const response = await ai.models.embedContent({
      model: "text-embedding-004",
      contents: ["first text", "second text"],
      config: { outputDimensionality: 16 },
    });
    expect(response.embeddings).toHaveLength(2);
    expect(response.embeddings?.[0]?.values).toHaveLength(16);
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.name).toBe("embeddings text-embedding-004");
    expect(span?.attributes).toMatchObject({
      "gen_ai.operation.name": "embeddings",
      "gen_ai.provider.name": "gcp.gemini",
      "gen_ai.embeddings.dimension.count": 16,
    });
    expect(span?.attributes["gen_ai.input.messages"]).toBeUndefined();
  });
});
