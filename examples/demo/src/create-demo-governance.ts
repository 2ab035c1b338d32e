import { createGovernance, type Governance } from "@sightline/core";

/** The feature of the support conversation, which the token budget counts. */
export const SUPPORT_FEATURE = "support-chat";

/** The budget's name, as it appears on `sightline.budget.used` / `sightline.budget.limit`. */
export const SUPPORT_BUDGET = "support-chat-daily-tokens";

/** Its limit: the conversation's scripted usage (680 tokens) is 85% of it. */
export const SUPPORT_BUDGET_LIMIT = 800;

/**
 * The demo client's governance: one daily token budget on the support feature, in observe mode, so the
 * conversation brings it near its limit (the gauges `sightline.budget.used` and `.limit` are exported)
 * without any call being refused.
 */
export function createDemoGovernance(): Governance {
  return createGovernance({
    mode: "observe",
    budgets: [
      {
        name: SUPPORT_BUDGET,
        limit: SUPPORT_BUDGET_LIMIT,
        unit: "tokens",
        window: { type: "fixed", size: "day" },
        match: { feature: SUPPORT_FEATURE },
      },
    ],
  });
}
