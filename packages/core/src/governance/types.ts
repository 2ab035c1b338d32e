import type { CallGuard, OperationHooks } from "../config/types.js";
import type { FinishedOperation } from "../finishers/types.js";

/** `observe`: breaches become span events and metrics, calls go through. `enforce`: breaching calls are refused before they are sent. */
export type GovernanceMode = "observe" | "enforce";

/** What a budget counts: USD from the cost finisher (priced calls only), or input + output tokens. */
export type BudgetUnit = "usd" | "tokens";

/** Calendar windows, aligned to UTC (weeks start on Monday). */
export type FixedWindowSize = "minute" | "hour" | "day" | "week" | "month";

/** A budget window. */
export type BudgetWindow =
  /** Resets at each UTC boundary (`day` resets at 00:00 UTC). */
  | { type: "fixed"; size: FixedWindowSize }
  /**
   * The last `durationMs`, kept as `buckets` sub-windows (default 12): spend leaves the window one
   * bucket at a time, so the window is exact to `durationMs / buckets`.
   */
  | { type: "rolling"; durationMs: number; buckets?: number };

/** A call property budgets and policies select by, and a budget can be kept per value of. */
export type CallDimension = "feature" | "tenant" | "user" | "model" | "provider";

/**
 * Which calls a budget or policy applies to. Each field takes a value or a list; model values may
 * end in `*` (`"gpt-4o*"`). Features, tenants and users come from `withContext`. Default: every call.
 */
export type CallMatch = Partial<Record<CallDimension, string | readonly string[]>>;

/** A spending limit. */
export interface BudgetDefinition {
  /** Unique name, used in errors, span events and metric attributes. */
  name: string;
  /** The limit, in `unit`; a call is refused (enforce) once the window's spend reaches it. */
  limit: number;
  /** What is counted. */
  unit: BudgetUnit;
  /** Over which time. */
  window: BudgetWindow;
  /** Which calls count. Default: every call. */
  match?: CallMatch;
  /** Keep one budget per distinct value (e.g. `"tenant"`: each tenant gets `limit`); calls without the value are not counted. Default: one shared budget. */
  per?: CallDimension;
  /** Overrides the governance mode for this budget. Default: the governance mode. */
  mode?: GovernanceMode;
  /**
   * What to do while the store says it is unavailable (`BudgetStore.available()` returns false, e.g.
   * Redis down or slower than its timeout for longer than its staleness bound): `"allow"` checks the
   * last known spend and lets calls through (fail-open); `"refuse"` refuses every matching call in
   * `enforce` mode with a `BudgetExceededError` whose `reason` is `"store_unavailable"` (fail-closed).
   * Stores without `available()` (the memory store) are always available. Default: `"allow"`.
   */
  whenStoreUnavailable?: StoreUnavailableBehaviour;
}

/** A budget's choice while its store is unavailable: fail-open (`allow`) or fail-closed (`refuse`). */
export type StoreUnavailableBehaviour = "allow" | "refuse";

/** Rules a call must follow. Every rule is optional; an empty policy allows everything. */
export interface PolicyDefinition {
  /** Unique name, used in errors and span events. */
  name: string;
  /** Which calls the policy applies to. Default: every call. */
  match?: CallMatch;
  /** Models allowed (exact, `prefix*`, or RegExp), checked against the requested model. Default: any. */
  allowedModels?: readonly (string | RegExp)[];
  /** Providers allowed (`gen_ai.provider.name` values, e.g. `openai`). Default: any. */
  allowedProviders?: readonly string[];
  /** Largest `max_tokens` a request may ask for. A request that sets none is not checked. Default: no limit. */
  maxTokensPerRequest?: number;
  /**
   * `false` keeps message content off the spans of matching calls even when capture is on. Always
   * applied, in both modes: it only changes Sightline's telemetry, never the call. Default: allowed.
   */
  contentCapture?: boolean;
  /** Overrides the governance mode for this policy. Default: the governance mode. */
  mode?: GovernanceMode;
}

/**
 * Where budget spend is kept. `get` is synchronous because it runs on the call path; a shared
 * store (Redis, a database) answers it from a local cache and refreshes that cache from the
 * results of its asynchronous `add` and a periodic read. See docs/budgets-and-policies.md.
 */
export interface BudgetStore {
  /** The amount recorded under `key`, 0 when unknown or expired. */
  get(key: string): number;
  /** Adds `amount` under `key`; the entry may be dropped after `expiresAt` (epoch ms). May be async. */
  add(key: string, amount: number, expiresAt: number): void | Promise<void>;
  /**
   * False while `get` cannot be trusted (a shared store that lost its backend for longer than its
   * staleness bound); budgets then follow their `whenStoreUnavailable`. Called once per checked call,
   * so it must be cheap and synchronous. Default (method absent): always available.
   */
  available?(): boolean;
}

/** Options of {@link createGovernance}. */
export interface GovernanceOptions {
  /** Default mode of every budget and policy. Default: `"observe"`. */
  mode?: GovernanceMode;
  /** Budgets. Default: none. */
  budgets?: readonly BudgetDefinition[];
  /** Policies. Default: none. */
  policies?: readonly PolicyDefinition[];
  /** Where spend is kept. Default: an in-process store (`createMemoryBudgetStore()`). */
  store?: BudgetStore;
  /** Clock, epoch milliseconds; inject one in tests. Default: `Date.now`. */
  now?: () => number;
}

/** The spend of one budget (and key) in its current window. */
export interface BudgetUsage {
  /** Budget name. */
  budget: string;
  /** The value of the budget's `per` dimension (e.g. the tenant), when it has one. */
  key?: string;
  /** Spend so far in the window. */
  used: number;
  /** The budget's limit. */
  limit: number;
  /** The budget's unit. */
  unit: BudgetUnit;
  /** Human-readable window, e.g. `day (fixed, UTC)` or `rolling 1h`. */
  window: string;
  /** When a fixed window resets; undefined for rolling windows. */
  resetsAt?: Date;
}

/** Budgets and policies, ready to pass as the `governance` option of any wrapper. */
export interface Governance extends OperationHooks {
  /** Checks policies and budgets before a call is sent. */
  beforeCall: CallGuard;
  /** Adds a finished call's spend to its budgets. */
  onFinish: (operation: FinishedOperation) => void;
  /** Current spend of every budget and every key seen, for dashboards and tests. */
  usage(): BudgetUsage[];
}
