import { describe, expect, it } from "vitest";
import { OPENAI_VERSIONS, useOpenAITestContext, waitForSpans } from "../test-helpers.js";

const ctx = useOpenAITestContext();

describe.each(OPENAI_VERSIONS)("embeddings with %s", (label, OpenAIClass) => {
  it("records model, input tokens and dimensions (SDK's default base64 transport)", async () => {
    const client = ctx.observed({}, OpenAIClass);
    const result = await client.embeddings.create({
      model: "text-embedding-3-small",
      input: ["a", "b"],
      dimensions: 16,
    });
    expect(result.data[0]?.embedding).toHaveLength(16);
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.name).toBe("embeddings text-embedding-3-small");
    expect(span?.attributes).toMatchObject({
      "gen_ai.operation.name": "embeddings",
      "gen_ai.embeddings.dimension.count": 16,
      "gen_ai.usage.input_tokens": result.usage.prompt_tokens,
    });
    expect(span?.attributes["gen_ai.usage.output_tokens"]).toBeUndefined();
  });

  it("records the encoding format the caller asked for", async () => {
    const client = ctx.observed({}, OpenAIClass);
    await client.embeddings.create({ model: `embed-${label}`, input: "x", encoding_format: "float" });
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.attributes["gen_ai.request.encoding_formats"]).toEqual(["float"]);
    expect(span?.attributes["gen_ai.embeddings.dimension.count"]).toBe(8);
  });
});
