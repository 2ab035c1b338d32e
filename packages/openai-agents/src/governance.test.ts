import { Agent, InputGuardrailTripwireTriggered } from "@openai/agents";
import { BudgetExceededError, createGovernance } from "@sightline/core";
import { describe, expect, it } from "vitest";
import { createHandoffAgents, settle, spansNamed, useAgentsTestContext } from "./test-helpers.js";

const ctx = useAgentsTestContext();

describe("budgets, policies and guardrails in an agent run", () => {
  it("enforce: the agent's next model call over budget is refused, the run fails with BudgetExceededError, the mock sees nothing more", async () => {
    const governance = createGovernance({
      mode: "enforce",
      budgets: [{ name: "run", limit: 0.001, unit: "usd", window: { type: "fixed", size: "day" } }],
    });
    const runner = ctx.setup({ processor: {}, wrapper: { governance } });
    const { triage } = createHandoffAgents();
    // The first call (the handoff) spends more than the budget; the weather agent's call is refused.
    ctx.server.enqueue({
      toolCalls: [{ id: "call_handoff", name: "transfer_to_Weather_agent", arguments: "{}" }],
      usage: { inputTokens: 5000, outputTokens: 100 },
    });
    const failure = await runner.run(triage, "What is the weather in Paris?").then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(BudgetExceededError.isInstance(failure)).toBe(true);
    expect((failure as Error).message).toMatch(/budget "run"/);
    expect(ctx.server.requests).toHaveLength(1);
    await settle(50);
    const spans = ctx.telemetry.spans();
    const chats = spansNamed(spans, "chat*");
    // The priced call and the refused one, both recorded by the wrapper; none twice.
    expect(chats).toHaveLength(2);
    expect(chats.map((chat) => chat.instrumentationScope.name)).toEqual([
      "@sightline/openai",
      "@sightline/openai",
    ]);
    const refused = chats.find((chat) => chat.attributes["sightline.governance.refused"] === true);
    expect(refused?.events.map((event) => event.name)).toContain("sightline.budget.exceeded");
    const weather = spansNamed(spans, "invoke_agent Weather agent")[0];
    expect(refused?.parentSpanContext?.spanId).toBe(weather?.spanContext().spanId);
    expect(weather?.attributes["error.type"]).toBeDefined();
  });

  it("the processor alone counts spend but cannot refuse: the run goes on", async () => {
    const governance = createGovernance({
      mode: "enforce",
      budgets: [{ name: "run", limit: 0.001, unit: "usd", window: { type: "fixed", size: "day" } }],
    });
    const runner = ctx.setup({ processor: { governance } });
    const { weather } = createHandoffAgents();
    ctx.server.enqueue(
      { text: "one", usage: { inputTokens: 5000, outputTokens: 100 } },
      { text: "two", usage: { inputTokens: 5000, outputTokens: 100 } },
    );
    await runner.run(weather, "first");
    const second = await runner.run(weather, "second");
    expect(second.finalOutput).toBe("two");
    expect(ctx.server.requests).toHaveLength(2);
  });

  it("a triggered input guardrail is an event on the agent span", async () => {
    const runner = ctx.setup({ processor: {} });
    const guarded = new Agent({
      name: "Guarded agent",
      model: "gpt-4o",
      inputGuardrails: [
        {
          name: "no_secrets",
          execute: async () => ({ tripwireTriggered: true, outputInfo: { reason: "secret" } }),
        },
      ],
    });
    ctx.server.enqueue({ text: "never used" });
    const failure = await runner.run(guarded, "my password is hunter2").then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(InputGuardrailTripwireTriggered);
    await settle(50);
    const spans = ctx.telemetry.spans();
    const agent = spansNamed(spans, "invoke_agent Guarded agent")[0];
    const workflow = spansNamed(spans, "invoke_workflow*")[0];
    const event = [...(agent?.events ?? []), ...(workflow?.events ?? [])].find(
      (item) => item.name === "sightline.agents.guardrail",
    );
    expect(event?.attributes).toEqual({
      "sightline.agents.guardrail.name": "no_secrets",
      "sightline.agents.guardrail.triggered": true,
    });
  });
});
