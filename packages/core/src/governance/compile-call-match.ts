import type { CallDimension, CallMatch } from "./types.js";

/** The properties of one call that budgets and policies look at. */
export type CallScope = Partial<Record<CallDimension, string>>;

/** The dimensions a `match` may name. */
export const CALL_DIMENSIONS: readonly CallDimension[] = ["feature", "tenant", "user", "model", "provider"];

/**
 * Compiles a `match` into one predicate, once at configuration time, so the per-call check is a
 * few set lookups. A dimension the call lacks never matches a filter on it.
 */
export function compileCallMatch(match: CallMatch | undefined): (scope: CallScope) => boolean {
  if (!match) return () => true;
  const checks: [CallDimension, (value: string) => boolean][] = [];
  for (const dimension of CALL_DIMENSIONS) {
    const expected = match[dimension];
    if (expected === undefined) continue;
    const values = typeof expected === "string" ? [expected] : expected;
    checks.push([dimension, compileValueMatch(values)]);
  }
  return (scope) =>
    checks.every(([dimension, check]) => {
      const value = scope[dimension];
      return value !== undefined && check(value);
    });
}

/** Exact values, `prefix*` wildcards and regular expressions. */
export function compileValueMatch(values: readonly (string | RegExp)[]): (value: string) => boolean {
  const exact = new Set<string>();
  const prefixes: string[] = [];
  const patterns: RegExp[] = [];
  for (const value of values) {
    if (value instanceof RegExp) patterns.push(new RegExp(value.source, value.flags.replace("g", "")));
    else if (value.endsWith("*")) prefixes.push(value.slice(0, -1));
    else exact.add(value);
  }
  return (value) =>
    exact.has(value) ||
    prefixes.some((prefix) => value.startsWith(prefix)) ||
    patterns.some((pattern) => pattern.test(value));
}
