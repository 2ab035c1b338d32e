/**
 * `@sightline/budget-redis`: a Redis budget store for `createGovernance`, so every replica of a
 * service enforces one shared budget. See docs/budgets-and-policies.md ("Fleet-wide budgets with Redis").
 * @packageDocumentation
 */
export { createRedisBudgetStore } from "./create-redis-budget-store.js";
export type {
  IORedisBudgetClient,
  NodeRedisBudgetClient,
  RedisBudgetClient,
  RedisBudgetStore,
  RedisBudgetStoreOptions,
  RedisBudgetStoreStats,
} from "./types.js";
export { PACKAGE_NAME, PACKAGE_VERSION } from "./version.js";
