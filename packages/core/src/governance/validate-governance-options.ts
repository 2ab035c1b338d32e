import { SightlineError } from "../errors/sightline-error.js";
import { CALL_DIMENSIONS } from "./compile-call-match.js";
import type { BudgetDefinition, CallMatch, GovernanceOptions, PolicyDefinition } from "./types.js";

const MODES = ["observe", "enforce"];
const UNITS = ["usd", "tokens"];
const FIXED_SIZES = ["minute", "hour", "day", "week", "month"];

/** Checks the whole configuration up front and throws one error naming the field and the fix. */
export function validateGovernanceOptions(options: GovernanceOptions): void {
  if (options.mode !== undefined && !MODES.includes(options.mode)) {
    fail("governance.mode", `must be "observe" or "enforce", got ${JSON.stringify(options.mode)}`);
  }
  const budgetNames = new Set<string>();
  for (const [index, budget] of (options.budgets ?? []).entries()) {
    validateBudget(budget, `budgets[${index}]`, budgetNames);
  }
  const policyNames = new Set<string>();
  for (const [index, policy] of (options.policies ?? []).entries()) {
    validatePolicy(policy, `policies[${index}]`, policyNames);
  }
  if (options.store && (typeof options.store.get !== "function" || typeof options.store.add !== "function")) {
    fail("governance.store", "must have get(key) and add(key, amount, expiresAt) methods");
  }
  if (options.store?.available !== undefined && typeof options.store.available !== "function") {
    fail("governance.store.available", "must be a function returning true or false, or absent");
  }
}

function validateBudget(budget: BudgetDefinition, field: string, names: Set<string>): void {
  validateName(budget?.name, `${field}.name`, names);
  if (typeof budget.limit !== "number" || !Number.isFinite(budget.limit) || budget.limit <= 0) {
    fail(`${field}.limit`, "must be a positive number (USD or tokens, per `unit`)");
  }
  if (!UNITS.includes(budget.unit)) fail(`${field}.unit`, `must be "usd" or "tokens"`);
  const window = budget.window;
  if (!window || (window.type !== "fixed" && window.type !== "rolling")) {
    fail(
      `${field}.window`,
      `must be { type: "fixed", size: "day" } or { type: "rolling", durationMs: 3600000 }`,
    );
  } else if (window.type === "fixed" && !FIXED_SIZES.includes(window.size)) {
    fail(`${field}.window.size`, `must be one of ${FIXED_SIZES.join(", ")}`);
  } else if (window.type === "rolling") {
    if (!(Number.isFinite(window.durationMs) && window.durationMs > 0)) {
      fail(`${field}.window.durationMs`, "must be a positive number of milliseconds");
    }
    if (
      window.buckets !== undefined &&
      !(Number.isInteger(window.buckets) && window.buckets >= 1 && window.buckets <= 1000)
    ) {
      fail(`${field}.window.buckets`, "must be an integer from 1 to 1000");
    }
  }
  if (budget.per !== undefined && !CALL_DIMENSIONS.includes(budget.per)) {
    fail(`${field}.per`, `must be one of ${CALL_DIMENSIONS.join(", ")}`);
  }
  validateMode(budget.mode, `${field}.mode`);
  validateMatch(budget.match, `${field}.match`);
  if (
    budget.whenStoreUnavailable !== undefined &&
    !["allow", "refuse"].includes(budget.whenStoreUnavailable)
  ) {
    fail(`${field}.whenStoreUnavailable`, `must be "allow" (fail-open) or "refuse" (fail-closed)`);
  }
}

function validatePolicy(policy: PolicyDefinition, field: string, names: Set<string>): void {
  validateName(policy?.name, `${field}.name`, names);
  if (
    policy.maxTokensPerRequest !== undefined &&
    !(Number.isInteger(policy.maxTokensPerRequest) && policy.maxTokensPerRequest > 0)
  ) {
    fail(`${field}.maxTokensPerRequest`, "must be a positive integer");
  }
  if (policy.allowedModels !== undefined && !Array.isArray(policy.allowedModels)) {
    fail(`${field}.allowedModels`, `must be a list of model names, "prefix*" patterns or RegExps`);
  }
  if (policy.allowedProviders !== undefined && !Array.isArray(policy.allowedProviders)) {
    fail(`${field}.allowedProviders`, `must be a list of provider names such as "openai"`);
  }
  if (policy.contentCapture !== undefined && typeof policy.contentCapture !== "boolean") {
    fail(`${field}.contentCapture`, "must be true or false");
  }
  validateMode(policy.mode, `${field}.mode`);
  validateMatch(policy.match, `${field}.match`);
}

function validateName(name: unknown, field: string, names: Set<string>): void {
  if (typeof name !== "string" || name.length === 0) fail(field, "must be a non-empty string");
  if (names.has(name as string)) fail(field, `"${name}" is used twice; names must be unique`);
  names.add(name as string);
}

function validateMode(mode: unknown, field: string): void {
  if (mode !== undefined && !MODES.includes(mode as string)) fail(field, `must be "observe" or "enforce"`);
}

function validateMatch(match: CallMatch | undefined, field: string): void {
  if (match === undefined) return;
  for (const key of Object.keys(match)) {
    if (!CALL_DIMENSIONS.includes(key as never))
      fail(`${field}.${key}`, `is unknown; use ${CALL_DIMENSIONS.join(", ")}`);
  }
}

function fail(field: string, problem: string): never {
  throw new SightlineError({ message: `${field} ${problem}` });
}
