import type { Attributes, MeterProvider } from "@opentelemetry/api";
import type { GuardEvent, GuardedCall, GuardVerdict } from "../config/types.js";
import type { SightlineContext } from "../context/types.js";
import { reportTelemetryError } from "../errors/report-telemetry-error.js";
import type { SightlineError } from "../errors/sightline-error.js";
import type { FinishedOperation } from "../finishers/types.js";
import type { GenAIRequest, GenAITarget } from "../operation/operation-shapes.js";
import {
  ATTR_SIGHTLINE_BUDGET_KEY,
  ATTR_SIGHTLINE_BUDGET_LIMIT,
  ATTR_SIGHTLINE_BUDGET_NAME,
  ATTR_SIGHTLINE_BUDGET_UNIT,
  ATTR_SIGHTLINE_BUDGET_USED,
  ATTR_SIGHTLINE_BUDGET_WINDOW,
  ATTR_SIGHTLINE_GOVERNANCE_ACTION,
  ATTR_SIGHTLINE_GOVERNANCE_MODE,
  ATTR_SIGHTLINE_POLICY_NAME,
  ATTR_SIGHTLINE_POLICY_RULE,
  EVENT_SIGHTLINE_BUDGET_EXCEEDED,
  EVENT_SIGHTLINE_BUDGET_STORE_UNAVAILABLE,
  EVENT_SIGHTLINE_POLICY_CONTENT_SUPPRESSED,
  EVENT_SIGHTLINE_POLICY_VIOLATION,
} from "../semconv.js";
import { BudgetExceededError } from "./budget-exceeded-error.js";
import { compilePolicyCheck } from "./check-policy.js";
import { type CallScope, compileCallMatch } from "./compile-call-match.js";
import { createMemoryBudgetStore } from "./create-memory-budget-store.js";
import { describeBudgetWindow, getBudgetWindow } from "./get-budget-window.js";
import { getGovernanceInstruments } from "./get-governance-instruments.js";
import { observeBudgetUsage } from "./observe-budget-usage.js";
import { PolicyViolationError } from "./policy-violation-error.js";
import type {
  BudgetDefinition,
  BudgetStore,
  BudgetUsage,
  Governance,
  GovernanceMode,
  GovernanceOptions,
} from "./types.js";
import { validateGovernanceOptions } from "./validate-governance-options.js";

/** Keys remembered per budget for the usage gauges; the oldest is forgotten past this. */
const MAX_TRACKED_KEYS = 1000;
const SHARED_KEY = "";

interface CompiledBudget {
  definition: BudgetDefinition;
  matches: (scope: CallScope) => boolean;
  mode: GovernanceMode;
  window: string;
  /** Keys seen, for the gauges (insertion-ordered, bounded). */
  keys: Set<string>;
}

/**
 * Creates budgets and policies to pass as the `governance` option of any wrapper (share one object
 * between wrappers so they share spend). Before each call, policies are checked and the spend of
 * every matching budget is read; a breach in `observe` mode is a span event and a metric, in
 * `enforce` mode the call is refused with a `BudgetExceededError` or `PolicyViolationError`
 * before anything is sent. After each call its cost (from the cost finisher) or tokens are added.
 * @example
 * const governance = createGovernance({ mode: "enforce", budgets: [{ name: "tenant-daily", limit: 5, unit: "usd", window: { type: "fixed", size: "day" }, per: "tenant" }] });
 * const openai = observeOpenAI(new OpenAI(), { governance });
 */
export function createGovernance(options: GovernanceOptions = {}): Governance {
  validateGovernanceOptions(options);
  const now = options.now ?? Date.now;
  const store = options.store ?? createMemoryBudgetStore({ now });
  const defaultMode = options.mode ?? "observe";
  const budgets: CompiledBudget[] = (options.budgets ?? []).map((definition) => ({
    definition,
    matches: compileCallMatch(definition.match),
    mode: definition.mode ?? defaultMode,
    window: describeBudgetWindow(definition.window),
    keys: new Set<string>(),
  }));
  const policies = (options.policies ?? []).map((definition) => ({
    definition,
    matches: compileCallMatch(definition.match),
    check: compilePolicyCheck(definition),
    mode: definition.mode ?? defaultMode,
  }));
  const observed = new WeakSet<MeterProvider>();

  const usedIn = (budget: CompiledBudget, key: string, time: number) => {
    const buckets = getBudgetWindow(budget.definition.window, time);
    let used = 0;
    for (const start of buckets.bucketStarts) used += store.get(storeKey(budget.definition.name, key, start));
    return { used, buckets };
  };

  const usage = (): BudgetUsage[] => {
    const time = now();
    const result: BudgetUsage[] = [];
    for (const budget of budgets) {
      for (const key of budget.keys) {
        const { used, buckets } = usedIn(budget, key, time);
        result.push({
          budget: budget.definition.name,
          ...(key === SHARED_KEY && budget.definition.per === undefined ? {} : { key }),
          used,
          limit: budget.definition.limit,
          unit: budget.definition.unit,
          window: budget.window,
          ...(buckets.resetsAt === undefined ? {} : { resetsAt: new Date(buckets.resetsAt) }),
        });
      }
    }
    return result;
  };

  const watch = (meterProvider: MeterProvider) => {
    if (observed.has(meterProvider)) return;
    observed.add(meterProvider);
    observeBudgetUsage({ meterProvider, usage });
  };

  const beforeCall = (call: GuardedCall): GuardVerdict | undefined => {
    if (budgets.length === 0 && policies.length === 0) return undefined;
    watch(call.meterProvider);
    const scope = toCallScope(call.context, call.request, call.target);
    const instruments = getGovernanceInstruments(call.meterProvider);
    let refuse: SightlineError | undefined;
    let suppressContent = false;
    const events: GuardEvent[] = [];
    for (const policy of policies) {
      if (!policy.matches(scope)) continue;
      if (policy.definition.contentCapture === false && call.captureContent) {
        suppressContent = true;
        events.push({
          name: EVENT_SIGHTLINE_POLICY_CONTENT_SUPPRESSED,
          attributes: { [ATTR_SIGHTLINE_POLICY_NAME]: policy.definition.name },
        });
      }
      for (const breach of policy.check(scope, call.request)) {
        const action = policy.mode === "enforce" ? "refused" : "observed";
        const attributes: Attributes = {
          [ATTR_SIGHTLINE_POLICY_NAME]: policy.definition.name,
          [ATTR_SIGHTLINE_POLICY_RULE]: breach.rule,
          [ATTR_SIGHTLINE_GOVERNANCE_MODE]: policy.mode,
          [ATTR_SIGHTLINE_GOVERNANCE_ACTION]: action,
        };
        events.push({ name: EVENT_SIGHTLINE_POLICY_VIOLATION, attributes });
        instruments.policyViolations.add(1, attributes);
        if (policy.mode === "enforce" && !refuse) {
          refuse = new PolicyViolationError({
            policy: policy.definition.name,
            rule: breach.rule,
            detail: breach.detail,
          });
        }
      }
    }
    const time = now();
    let storeAvailable: boolean | undefined;
    for (const budget of budgets) {
      const key = budgetKeyOf(budget, scope);
      if (key === undefined) continue;
      remember(budget, key);
      const { used, buckets } = usedIn(budget, key, time);
      const { limit, unit, name } = budget.definition;
      if (budget.definition.whenStoreUnavailable === "refuse") {
        storeAvailable ??= isStoreAvailable(store);
        if (!storeAvailable) {
          const action = budget.mode === "enforce" ? "refused" : "observed";
          events.push({
            name: EVENT_SIGHTLINE_BUDGET_STORE_UNAVAILABLE,
            attributes: budgetAttributes(budget, key, used, action),
          });
          if (budget.mode === "enforce") {
            refuse ??= new BudgetExceededError({
              budget: name,
              used,
              limit,
              unit,
              window: budget.window,
              reason: "store_unavailable",
              ...(budget.definition.per === undefined ? {} : { key }),
              ...(buckets.resetsAt === undefined ? {} : { resetsAt: new Date(buckets.resetsAt) }),
            });
            continue;
          }
        }
      }
      if (used < limit) continue;
      const action = budget.mode === "enforce" ? "refused" : "observed";
      events.push({
        name: EVENT_SIGHTLINE_BUDGET_EXCEEDED,
        attributes: budgetAttributes(budget, key, used, action),
      });
      instruments.budgetBreaches.add(1, budgetMetricAttributes(budget, action));
      if (budget.mode === "enforce" && !refuse) {
        refuse = new BudgetExceededError({
          budget: name,
          used,
          limit,
          unit,
          window: budget.window,
          ...(budget.definition.per === undefined ? {} : { key }),
          ...(buckets.resetsAt === undefined ? {} : { resetsAt: new Date(buckets.resetsAt) }),
        });
      }
    }
    if (!refuse && !suppressContent && events.length === 0) return undefined;
    return { ...(refuse ? { refuse } : {}), suppressContent, events };
  };

  const onFinish = (operation: FinishedOperation): void => {
    if (budgets.length === 0) return;
    watch(operation.meterProvider);
    const scope = toCallScope(operation.context, operation.request, operation.target);
    const usage = operation.response?.usage;
    const time = now();
    for (const budget of budgets) {
      const key = budgetKeyOf(budget, scope);
      if (key === undefined) continue;
      // Costs are never invented: an unpriced call adds nothing to a USD budget.
      const amount =
        budget.definition.unit === "usd"
          ? operation.cost?.total
          : (usage?.inputTokens ?? 0) + (usage?.outputTokens ?? 0);
      if (!amount || amount <= 0) continue;
      remember(budget, key);
      const { used: before, buckets } = usedIn(budget, key, time);
      const start = buckets.bucketStarts[buckets.bucketStarts.length - 1] as number;
      const written = store.add(storeKey(budget.definition.name, key, start), amount, buckets.expiresAt);
      if (written && typeof written.then === "function") {
        written.then(undefined, (error: unknown) => reportTelemetryError("writing budget spend", error));
      }
      const limit = budget.definition.limit;
      if (before < limit && before + amount >= limit) {
        operation.span.addEvent(
          EVENT_SIGHTLINE_BUDGET_EXCEEDED,
          budgetAttributes(budget, key, before + amount, "crossed"),
        );
        getGovernanceInstruments(operation.meterProvider).budgetBreaches.add(
          1,
          budgetMetricAttributes(budget, "crossed"),
        );
      }
    }
  };

  return { beforeCall, onFinish, usage };
}

/** A store whose `available()` throws is treated as unavailable: a broken store cannot vouch for its spend. */
function isStoreAvailable(store: BudgetStore): boolean {
  if (typeof store.available !== "function") return true;
  try {
    return store.available() !== false;
  } catch (error) {
    reportTelemetryError("asking the budget store whether it is available", error);
    return false;
  }
}

function remember(budget: CompiledBudget, key: string): void {
  if (budget.keys.has(key)) return;
  if (budget.keys.size >= MAX_TRACKED_KEYS) {
    const oldest = budget.keys.values().next().value;
    if (oldest !== undefined) budget.keys.delete(oldest);
  }
  budget.keys.add(key);
}

/** The budget's key for a call, or undefined when the call doesn't count toward it. */
function budgetKeyOf(budget: CompiledBudget, scope: CallScope): string | undefined {
  if (!budget.matches(scope)) return undefined;
  if (budget.definition.per === undefined) return SHARED_KEY;
  return scope[budget.definition.per];
}

function storeKey(name: string, key: string, bucketStart: number): string {
  return `sightline:budget:${name}:${key}:${bucketStart}`;
}

function toCallScope(context: SightlineContext, request: GenAIRequest, target: GenAITarget): CallScope {
  return {
    feature: context.feature,
    tenant: context.tenantId,
    user: context.userId,
    model: request.model,
    provider: target.provider,
  };
}

function budgetAttributes(budget: CompiledBudget, key: string, used: number, action: string): Attributes {
  const attributes: Attributes = {
    ...budgetMetricAttributes(budget, action),
    [ATTR_SIGHTLINE_BUDGET_USED]: used,
    [ATTR_SIGHTLINE_BUDGET_LIMIT]: budget.definition.limit,
  };
  if (budget.definition.per !== undefined) attributes[ATTR_SIGHTLINE_BUDGET_KEY] = key;
  return attributes;
}

/** Low-cardinality only: no per-tenant or per-user key on the counter. */
function budgetMetricAttributes(budget: CompiledBudget, action: string): Attributes {
  return {
    [ATTR_SIGHTLINE_BUDGET_NAME]: budget.definition.name,
    [ATTR_SIGHTLINE_BUDGET_UNIT]: budget.definition.unit,
    [ATTR_SIGHTLINE_BUDGET_WINDOW]: budget.window,
    [ATTR_SIGHTLINE_GOVERNANCE_MODE]: budget.mode,
    [ATTR_SIGHTLINE_GOVERNANCE_ACTION]: action,
  };
}
