import { BudgetExceededError, createGovernance, withContext } from "@sightline/core";
import { describe, expect, it } from "vitest";
import { useOpenAITestContext, waitForSpans } from "../test-helpers.js";

const ctx = useOpenAITestContext();

describe("per-image cost counts toward USD budgets", () => {
  it("enforce: DALL·E spend fills the budget and the next image is refused before any request", async () => {
    const governance = createGovernance({
      mode: "enforce",
      budgets: [
        { name: "images", limit: 0.1, unit: "usd", window: { type: "fixed", size: "day" }, per: "tenant" },
      ],
    });
    const client = ctx.observed({ governance });
    const draw = () =>
      withContext({ tenantId: "studio" }, () =>
        client.images.generate({ model: "dall-e-3", prompt: "x", quality: "hd", size: "1024x1792" }),
      );
    await draw();
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.attributes["gen_ai.usage.cost"]).toBe(0.12);
    ctx.server.reset();
    const refusal = await (async () => draw())().then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(BudgetExceededError.isInstance(refusal)).toBe(true);
    expect(ctx.server.requests).toHaveLength(0);
  });
});
