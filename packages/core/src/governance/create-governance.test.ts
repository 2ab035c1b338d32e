import { createTestTelemetry } from "@sightline/testing";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import type { SightlineOptions } from "../config/types.js";
import type { SightlineContext } from "../context/types.js";
import { withContext } from "../context/with-context.js";
import { SightlineError } from "../errors/sightline-error.js";
import { createInstrumentation } from "../operation/create-instrumentation.js";
import type { GenAIUsage } from "../operation/operation-shapes.js";
import { BudgetExceededError } from "./budget-exceeded-error.js";
import { createGovernance } from "./create-governance.js";
import { PolicyViolationError } from "./policy-violation-error.js";
import type { GovernanceOptions } from "./types.js";

const telemetry = createTestTelemetry();
afterAll(() => telemetry.shutdown());
afterEach(() => telemetry.resetSpans());

/** A clock the test moves by hand: no sleeping. */
function createClock(start: string) {
  let time = Date.parse(start);
  return {
    now: () => time,
    set: (iso: string) => (time = Date.parse(iso)),
    advance: (ms: number) => (time += ms),
  };
}

function createEngine(governanceOptions: GovernanceOptions, options: SightlineOptions = {}) {
  const governance = createGovernance(governanceOptions);
  const instrumentation = createInstrumentation({
    scopeName: "t",
    scopeVersion: "0",
    options: {
      tracerProvider: telemetry.tracerProvider,
      meterProvider: telemetry.meterProvider,
      drift: false,
      governance,
      ...options,
    },
  });
  let sent = 0;
  const call = (
    usage: GenAIUsage = { inputTokens: 40, outputTokens: 20 },
    request: { model?: string; maxTokens?: number } = {},
  ) =>
    instrumentation.traceOperation({
      request: {
        operation: "chat",
        model: request.model ?? "gpt-4o",
        parameters: request.maxTokens === undefined ? undefined : { maxTokens: request.maxTokens },
        content: () => ({ inputMessages: [{ role: "user", parts: [{ type: "text", content: "hello" }] }] }),
      },
      target: { provider: "openai" },
      invoke: () => {
        sent++;
        return "result";
      },
      observe: (_result, operation) => operation.succeed({ model: request.model ?? "gpt-4o", usage }),
    });
  return { governance, call, sent: () => sent };
}

const tokensPerDay = (limit: number, extra: object = {}) => ({
  name: "daily-tokens",
  limit,
  unit: "tokens" as const,
  window: { type: "fixed" as const, size: "day" as const },
  ...extra,
});

describe("budgets", () => {
  it("enforce: refuses before sending once the fixed window is spent, and rolls over at the UTC boundary", () => {
    const clock = createClock("2026-11-28T23:00:00Z");
    const engine = createEngine({ mode: "enforce", now: clock.now, budgets: [tokensPerDay(100)] });
    engine.call(); // 60 tokens
    engine.call(); // 120: this call crosses the limit
    expect(
      telemetry
        .spans()
        .at(-1)
        ?.events.map((event) => event.name),
    ).toContain("sightline.budget.exceeded");
    let refused: unknown;
    try {
      engine.call();
    } catch (error) {
      refused = error;
    }
    expect(engine.sent()).toBe(2);
    expect(BudgetExceededError.isInstance(refused)).toBe(true);
    expect(SightlineError.isInstance(refused)).toBe(true);
    const error = refused as BudgetExceededError;
    expect(error).toMatchObject({
      budget: "daily-tokens",
      used: 120,
      limit: 100,
      unit: "tokens",
      window: "day (fixed, UTC)",
    });
    expect(error.resetsAt?.toISOString()).toBe("2026-11-29T00:00:00.000Z");
    expect(error.message).toContain('budget "daily-tokens" is spent: 120 tokens used of 100 tokens');
    const refusedSpan = telemetry.spans().at(-1);
    expect(refusedSpan?.attributes).toMatchObject({
      "sightline.governance.refused": true,
      "error.type": "BudgetExceededError",
    });
    expect(refusedSpan?.events[0]?.attributes).toMatchObject({
      "sightline.governance.action": "refused",
      "sightline.budget.used": 120,
    });

    clock.set("2026-11-29T00:00:01Z");
    engine.call();
    expect(engine.sent()).toBe(3);
    expect(engine.governance.usage()).toEqual([
      expect.objectContaining({ budget: "daily-tokens", used: 60, limit: 100 }),
    ]);
  });

  it("rolling windows let spend leave one bucket at a time", () => {
    const clock = createClock("2026-11-28T10:00:00Z");
    const engine = createEngine({
      mode: "enforce",
      now: clock.now,
      budgets: [
        {
          name: "hourly",
          limit: 60,
          unit: "tokens",
          window: { type: "rolling", durationMs: 3_600_000, buckets: 12 },
        },
      ],
    });
    engine.call(); // 60 at 10:00
    clock.set("2026-11-28T10:59:59Z");
    expect(() => engine.call()).toThrow(BudgetExceededError);
    clock.set("2026-11-28T11:00:00Z");
    engine.call(); // the 10:00–10:05 bucket has left the window
    expect(engine.sent()).toBe(2);
    clock.set("2026-11-28T11:30:00Z");
    expect(() => engine.call()).toThrow(/rolling 1h/);
  });

  it("fixed week and month windows reset on Monday and on the 1st (UTC)", () => {
    const clock = createClock("2026-11-29T23:59:00Z"); // a Sunday
    const engine = createEngine({
      mode: "enforce",
      now: clock.now,
      budgets: [
        { name: "weekly", limit: 50, unit: "tokens", window: { type: "fixed", size: "week" } },
        { name: "monthly", limit: 1000, unit: "tokens", window: { type: "fixed", size: "month" } },
      ],
    });
    engine.call();
    expect(() => engine.call()).toThrow(/"weekly".*resets 2026-11-30T00:00:00.000Z/);
    clock.set("2026-11-30T00:00:00Z");
    engine.call();
    const monthly = engine.governance.usage().find((entry) => entry.budget === "monthly");
    expect(monthly).toMatchObject({ used: 120 });
    expect(monthly?.resetsAt?.toISOString()).toBe("2026-12-01T00:00:00.000Z");
  });

  it("counts USD from the cost finisher, and keeps a budget per tenant", () => {
    const engine = createEngine({
      mode: "enforce",
      budgets: [
        {
          name: "tenant-usd",
          limit: 0.0001,
          unit: "usd",
          window: { type: "fixed", size: "day" },
          per: "tenant",
        },
      ],
    });
    withContext({ tenantId: "acme" }, () => engine.call({ inputTokens: 1000, outputTokens: 1000 }));
    const cost = telemetry.spans().at(-1)?.attributes["gen_ai.usage.cost"] as number;
    expect(cost).toBeGreaterThan(0.0001);
    expect(engine.governance.usage()).toEqual([
      expect.objectContaining({ key: "acme", used: cost, unit: "usd" }),
    ]);
    expect(() => withContext({ tenantId: "acme" }, () => engine.call())).toThrow(/for "acme"/);
    withContext({ tenantId: "globex" }, () => engine.call());
    engine.call(); // no tenant: not counted, not refused
    expect(engine.sent()).toBe(3);
  });

  it("does not count unpriced calls toward USD budgets", () => {
    const engine = createEngine({
      budgets: [{ name: "usd", limit: 1, unit: "usd", window: { type: "fixed", size: "day" } }],
    });
    engine.call({ inputTokens: 10, outputTokens: 10 }, { model: "model-nobody-prices" });
    expect(engine.governance.usage()).toEqual([expect.objectContaining({ budget: "usd", used: 0 })]);
  });

  it("observe: the call goes through, with a span event and a breach counter", async () => {
    const context: SightlineContext = { feature: "support" };
    const engine = createEngine({
      budgets: [tokensPerDay(10, { name: "observed-budget", match: { feature: "support" } })],
    });
    withContext(context, () => engine.call());
    withContext(context, () => engine.call());
    engine.call(); // another feature: not matched
    expect(engine.sent()).toBe(3);
    const second = telemetry.spans()[1];
    expect(
      second?.events.find((event) => event.name === "sightline.budget.exceeded")?.attributes,
    ).toMatchObject({
      "sightline.budget.name": "observed-budget",
      "sightline.governance.mode": "observe",
      "sightline.governance.action": "observed",
    });
    const breaches = await telemetry.metricPoints("sightline.budget.breaches");
    const forBudget = breaches.filter(
      (point) => point.attributes["sightline.budget.name"] === "observed-budget",
    );
    expect(forBudget.map((point) => [point.attributes["sightline.governance.action"], point.value])).toEqual(
      expect.arrayContaining([
        ["crossed", 1],
        ["observed", 1],
      ]),
    );
    const used = await telemetry.metricPoints("sightline.budget.used");
    expect(used.find((point) => point.attributes["sightline.budget.name"] === "observed-budget")?.value).toBe(
      120,
    );
    const limit = await telemetry.metricPoints("sightline.budget.limit");
    expect(
      limit.find((point) => point.attributes["sightline.budget.name"] === "observed-budget")?.value,
    ).toBe(10);
  });

  it("a failing asynchronous store write is reported, never thrown", async () => {
    const engine = createEngine({
      budgets: [tokensPerDay(100)],
      store: { get: () => 0, add: () => Promise.reject(new Error("redis down")) },
    });
    engine.call();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(engine.sent()).toBe(1);
  });
});

describe("when the store is unavailable", () => {
  /** A memory-like store whose availability the test switches by hand. */
  function createSwitchableStore() {
    const spend = new Map<string, number>();
    let up = true;
    return {
      store: {
        get: (key: string) => spend.get(key) ?? 0,
        add: (key: string, amount: number) => void spend.set(key, (spend.get(key) ?? 0) + amount),
        available: () => up,
      },
      setAvailable: (value: boolean) => (up = value),
    };
  }

  it("a fail-closed budget refuses in enforce mode with reason store_unavailable; a fail-open one lets calls through", () => {
    const switchable = createSwitchableStore();
    const closed = createEngine({
      mode: "enforce",
      budgets: [tokensPerDay(1000, { whenStoreUnavailable: "refuse" })],
      store: switchable.store,
    });
    const open = createEngine({
      mode: "enforce",
      budgets: [tokensPerDay(1000, { name: "open-budget" })],
      store: switchable.store,
    });
    closed.call();
    switchable.setAvailable(false);
    let error: unknown;
    try {
      closed.call();
    } catch (thrown) {
      error = thrown;
    }
    expect(BudgetExceededError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      budget: "daily-tokens",
      reason: "store_unavailable",
      used: 60,
      limit: 1000,
    });
    expect((error as Error).message).toMatch(/cannot be checked: its store is unavailable/);
    expect(closed.sent()).toBe(1);
    const refusedSpan = telemetry.spans().at(-1);
    expect(
      refusedSpan?.events.find((event) => event.name === "sightline.budget.store_unavailable")?.attributes,
    ).toMatchObject({ "sightline.budget.name": "daily-tokens", "sightline.governance.action": "refused" });

    open.call();
    expect(open.sent()).toBe(1);

    switchable.setAvailable(true);
    closed.call();
    expect(closed.sent()).toBe(2);
  });

  it("a fail-open budget still refuses on the last known spend, with reason spent", () => {
    const switchable = createSwitchableStore();
    const engine = createEngine({ mode: "enforce", budgets: [tokensPerDay(100)], store: switchable.store });
    engine.call();
    engine.call();
    switchable.setAvailable(false);
    expect(() => engine.call()).toThrow(expect.objectContaining({ reason: "spent", used: 120 }));
  });

  it("observe mode records the unavailable store on the span and sends the call", () => {
    const switchable = createSwitchableStore();
    switchable.setAvailable(false);
    const engine = createEngine({
      budgets: [tokensPerDay(1000, { whenStoreUnavailable: "refuse" })],
      store: switchable.store,
    });
    engine.call();
    expect(engine.sent()).toBe(1);
    expect(
      telemetry.spans()[0]?.events.find((event) => event.name === "sightline.budget.store_unavailable")
        ?.attributes,
    ).toMatchObject({ "sightline.governance.action": "observed" });
  });

  it("a store whose available() throws counts as unavailable, and the call is not broken by it", () => {
    const engine = createEngine({
      mode: "enforce",
      budgets: [tokensPerDay(1000, { whenStoreUnavailable: "refuse" }), tokensPerDay(1000, { name: "open" })],
      store: {
        get: () => 0,
        add: () => undefined,
        available: () => {
          throw new Error("broken store");
        },
      },
    });
    expect(() => engine.call()).toThrow(expect.objectContaining({ reason: "store_unavailable" }));
    expect(engine.sent()).toBe(0);
  });
});

describe("policies", () => {
  it("enforce: refuses a model outside the allowed list before sending", () => {
    const engine = createEngine({
      mode: "enforce",
      policies: [{ name: "approved-models", allowedModels: ["gpt-4o-mini*", /^o3/] }],
    });
    engine.call(undefined, { model: "gpt-4o-mini-2024-07-18" });
    engine.call(undefined, { model: "o3-mini" });
    let refused: unknown;
    try {
      engine.call(undefined, { model: "gpt-4o" });
    } catch (error) {
      refused = error;
    }
    expect(engine.sent()).toBe(2);
    expect(PolicyViolationError.isInstance(refused)).toBe(true);
    expect(refused).toMatchObject({ policy: "approved-models", rule: "allowed_models" });
    expect(BudgetExceededError.isInstance(refused)).toBe(false);
  });

  it("observe: max tokens and provider breaches are span events and counted", async () => {
    const engine = createEngine({
      policies: [{ name: "limits", maxTokensPerRequest: 1000, allowedProviders: ["anthropic"] }],
    });
    engine.call(undefined, { maxTokens: 4000 });
    expect(engine.sent()).toBe(1);
    const events = telemetry
      .spans()
      .at(-1)
      ?.events.filter((event) => event.name === "sightline.policy.violation");
    expect(events?.map((event) => event.attributes?.["sightline.policy.rule"])).toEqual([
      "allowed_providers",
      "max_tokens_per_request",
    ]);
    const points = await telemetry.metricPoints("sightline.policy.violations");
    expect(points.some((point) => point.attributes["sightline.policy.name"] === "limits")).toBe(true);
  });

  it("contentCapture: false keeps content off the span of matching calls, in both modes", () => {
    const engine = createEngine(
      { policies: [{ name: "no-content-for-acme", match: { tenant: "acme" }, contentCapture: false }] },
      { captureContent: true },
    );
    withContext({ tenantId: "acme" }, () => engine.call());
    const acme = telemetry.spans().at(-1);
    expect(acme?.attributes["gen_ai.input.messages"]).toBeUndefined();
    expect(acme?.events.map((event) => event.name)).toContain("sightline.policy.content_suppressed");
    withContext({ tenantId: "globex" }, () => engine.call());
    expect(telemetry.spans().at(-1)?.attributes["gen_ai.input.messages"]).toBeDefined();
  });
});

describe("configuration", () => {
  it.each([
    [{ mode: "block" }, /governance.mode must be "observe" or "enforce"/],
    [
      { budgets: [{ name: "b", limit: 0, unit: "usd", window: { type: "fixed", size: "day" } }] },
      /budgets\[0\].limit/,
    ],
    [
      { budgets: [{ name: "b", limit: 1, unit: "eur", window: { type: "fixed", size: "day" } }] },
      /budgets\[0\].unit/,
    ],
    [
      { budgets: [{ name: "b", limit: 1, unit: "usd", window: { type: "fixed", size: "year" } }] },
      /budgets\[0\].window.size/,
    ],
    [
      { budgets: [{ name: "b", limit: 1, unit: "usd", window: { type: "rolling", durationMs: -1 } }] },
      /window.durationMs/,
    ],
    [
      {
        budgets: [
          { name: "b", limit: 1, unit: "usd", window: { type: "fixed", size: "day" } },
          { name: "b", limit: 1, unit: "usd", window: { type: "fixed", size: "day" } },
        ],
      },
      /budgets\[1\].name "b" is used twice/,
    ],
    [
      {
        budgets: [{ name: "b", limit: 1, unit: "usd", window: { type: "fixed", size: "day" }, per: "team" }],
      },
      /budgets\[0\].per/,
    ],
    [
      {
        budgets: [
          {
            name: "b",
            limit: 1,
            unit: "usd",
            window: { type: "fixed", size: "day" },
            whenStoreUnavailable: "block",
          },
        ],
      },
      /budgets\[0\].whenStoreUnavailable must be "allow" \(fail-open\) or "refuse"/,
    ],
    [{ policies: [{ name: "p", match: { team: "x" } }] }, /policies\[0\].match.team is unknown/],
    [{ policies: [{ name: "p", maxTokensPerRequest: 1.5 }] }, /policies\[0\].maxTokensPerRequest/],
  ])("rejects %j", (options, message) => {
    expect(() => createGovernance(options as GovernanceOptions)).toThrow(message);
  });

  it("a guard that throws fails open: the call is sent", () => {
    const instrumentation = createInstrumentation({
      scopeName: "t",
      scopeVersion: "0",
      options: {
        tracerProvider: telemetry.tracerProvider,
        governance: {
          beforeCall: () => {
            throw new Error("guard bug");
          },
        },
      },
    });
    const result = instrumentation.traceOperation({
      request: { operation: "chat", model: "m" },
      target: { provider: "p" },
      invoke: () => "sent",
      observe: (_result, operation) => operation.succeed({}),
    });
    expect(result).toBe("sent");
  });
});

describe("the governance option", () => {
  it("throws at wrap time when it is not a createGovernance() result", () => {
    expect(() =>
      createInstrumentation({
        scopeName: "t",
        scopeVersion: "0",
        options: { governance: { beforeCall: "nope" } as never },
      }),
    ).toThrow(/governance must be the object createGovernance\(\) returns/);
  });
});
