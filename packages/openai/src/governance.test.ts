import { BudgetExceededError, createGovernance, PolicyViolationError, withContext } from "@sightline/core";
import { describe, expect, it } from "vitest";
import { useOpenAITestContext, waitForSpans } from "./test-helpers.js";

const ctx = useOpenAITestContext();
const ask = { model: "gpt-4o", messages: [{ role: "user" as const, content: "hi" }] };

/**
 * A refusal is thrown from the wrapped method before any request exists (there is no SDK promise
 * to reject yet); inside an async function, as with `await`, it arrives as a rejection.
 */
const attempt = async <T>(call: () => T): Promise<T> => call();

describe("budgets and policies through the real openai client", () => {
  it("enforce: once the tenant's USD budget is spent the call is refused and the mock receives nothing", async () => {
    let time = Date.parse("2026-11-28T12:00:00Z");
    const governance = createGovernance({
      mode: "enforce",
      now: () => time,
      budgets: [
        {
          name: "tenant-daily",
          limit: 0.001,
          unit: "usd",
          window: { type: "fixed", size: "day" },
          per: "tenant",
        },
      ],
    });
    const client = ctx.observed({ governance });
    ctx.server.enqueue({ usage: { inputTokens: 1000, outputTokens: 1000 } });
    await withContext({ tenantId: "acme" }, () => client.chat.completions.create(ask));
    const [first] = await waitForSpans(ctx.telemetry, 1);
    const spent = first?.attributes["gen_ai.usage.cost"] as number;
    expect(spent).toBeGreaterThan(0.001);
    expect(ctx.server.requests).toHaveLength(1);

    ctx.server.reset();
    const refusal = await attempt(() =>
      withContext({ tenantId: "acme" }, () => client.chat.completions.create(ask)),
    ).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(BudgetExceededError.isInstance(refusal)).toBe(true);
    expect(refusal).toMatchObject({ budget: "tenant-daily", key: "acme", limit: 0.001, unit: "usd" });
    expect((refusal as BudgetExceededError).used).toBeCloseTo(spent, 10);
    expect((refusal as Error).message).toMatch(
      /budget "tenant-daily" for "acme" is spent: .* USD used of 0\.0010 USD/,
    );
    const streamRefusal = await attempt(() =>
      withContext({ tenantId: "acme" }, () => client.chat.completions.create({ ...ask, stream: true })),
    ).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(BudgetExceededError.isInstance(streamRefusal)).toBe(true);
    expect(ctx.server.requests).toHaveLength(0);
    const spans = await waitForSpans(ctx.telemetry, 3);
    expect(spans[1]?.attributes).toMatchObject({
      "sightline.governance.refused": true,
      "error.type": "BudgetExceededError",
      "gen_ai.request.model": "gpt-4o",
      "sightline.tenant.id": "acme",
    });

    // Another tenant still gets through, and the next day acme does too.
    await withContext({ tenantId: "globex" }, () => client.chat.completions.create(ask));
    time = Date.parse("2026-11-29T00:00:00Z");
    await withContext({ tenantId: "acme" }, () => client.chat.completions.create(ask));
    expect(ctx.server.requests).toHaveLength(2);
  });

  it("enforce: a model outside the policy is refused before anything is sent", async () => {
    const governance = createGovernance({
      mode: "enforce",
      policies: [{ name: "cheap-models-only", allowedModels: ["gpt-4o-mini*"], maxTokensPerRequest: 500 }],
    });
    const client = ctx.observed({ governance });
    await expect(attempt(() => client.chat.completions.create(ask))).rejects.toBeInstanceOf(
      PolicyViolationError,
    );
    await expect(
      attempt(() => client.chat.completions.create({ ...ask, model: "gpt-4o-mini", max_tokens: 4000 })),
    ).rejects.toMatchObject({ rule: "max_tokens_per_request" });
    expect(() => client.chat.completions.create(ask)).toThrow(/policy "cheap-models-only" refused the call/);
    expect(ctx.server.requests).toHaveLength(0);
    await client.chat.completions.create({ ...ask, model: "gpt-4o-mini", max_tokens: 100 });
    expect(ctx.server.requests).toHaveLength(1);
  });

  it("observe: breaches are span events and metrics, and every call is sent", async () => {
    const governance = createGovernance({
      budgets: [
        {
          name: "feature-tokens",
          limit: 10,
          unit: "tokens",
          window: { type: "rolling", durationMs: 60_000 },
        },
      ],
    });
    const client = ctx.observed({ governance });
    await withContext({ feature: "chat" }, () => client.chat.completions.create(ask));
    await withContext({ feature: "chat" }, () => client.chat.completions.create(ask));
    expect(ctx.server.requests).toHaveLength(2);
    const spans = await waitForSpans(ctx.telemetry, 2);
    // The first call spends past the limit ("crossed"); the second is made over it ("observed").
    expect(
      spans.map((span) => span.events.map((event) => event.attributes?.["sightline.governance.action"])),
    ).toEqual([["crossed"], ["observed"]]);
    const used = await ctx.telemetry.metricPoints("sightline.budget.used");
    expect(
      used.find((point) => point.attributes["sightline.budget.name"] === "feature-tokens")?.value,
    ).toBeGreaterThan(10);
  });
});
