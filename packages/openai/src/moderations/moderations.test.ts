import { describe, expect, it } from "vitest";
import { OPENAI_VERSIONS, useOpenAITestContext, waitForSpans } from "../test-helpers.js";

const ctx = useOpenAITestContext();

describe.each(OPENAI_VERSIONS)("moderations with %s", (_label, OpenAIClass) => {
  it("records model, result and flagged counts, and no cost (moderation is free)", async () => {
    const client = ctx.observed({}, OpenAIClass);
    const moderation = await client.moderations.create({
      model: "omni-moderation-latest",
      input: ["a kind word", "flag this one", "another kind word"],
    });
    expect(moderation.results).toHaveLength(3);
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.name).toBe("moderation omni-moderation-latest");
    expect(span?.attributes).toMatchObject({
      "gen_ai.operation.name": "moderation",
      "gen_ai.request.model": "omni-moderation-latest",
      "gen_ai.response.id": moderation.id,
      "gen_ai.response.model": moderation.model,
      "openai.api.type": "moderations",
      "sightline.moderation.results": 3,
      "sightline.moderation.flagged": 1,
    });
    expect(span?.attributes["gen_ai.usage.cost"]).toBeUndefined();
    expect(span?.attributes["sightline.cost.match"]).toBeUndefined();
    const unpriced = await ctx.telemetry.metricPoints("sightline.gen_ai.cost.unpriced");
    expect(unpriced).toHaveLength(0);
  });

  it("captures the inputs and verdicts only when content capture is on", async () => {
    const client = ctx.observed({ captureContent: true }, OpenAIClass);
    await client.moderations.create({ input: "flag me" });
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.name).toBe("moderation");
    expect(String(span?.attributes["gen_ai.input.messages"])).toContain("flag me");
    expect(String(span?.attributes["gen_ai.output.messages"])).toContain("violence");
  });
});
