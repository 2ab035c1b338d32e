/** The token-count flags of `sightline cost`. */
export type TokenCountFlag = "input" | "output" | "cached" | "cache-write" | "reasoning";

const FLAGS: readonly TokenCountFlag[] = ["input", "output", "cached", "cache-write", "reasoning"];

/**
 * Reads the token-count flags of `sightline cost`: each must be a non-negative decimal integer (`""`, `0x10`,
 * `1e3`, `-5` and `12.0` are refused rather than read the way `Number` would), and the detail counts must fit
 * in their totals, as the semantic conventions define them: cache reads plus cache writes are part of the
 * input, reasoning is part of the output. Returns the counts, or the message naming the flag and the fix.
 */
export function parseTokenCounts(
  values: Partial<Record<TokenCountFlag, string>>,
): { counts: Partial<Record<TokenCountFlag, number>> } | { error: string } {
  const counts: Partial<Record<TokenCountFlag, number>> = {};
  for (const flag of FLAGS) {
    const text = values[flag];
    if (text === undefined) continue;
    if (!/^\d+$/.test(text)) {
      return {
        error: `--${flag} ${JSON.stringify(text)} is not a token count; give a non-negative whole number in decimal digits, e.g. --${flag} 1000`,
      };
    }
    const count = Number(text);
    if (!Number.isSafeInteger(count)) {
      return { error: `--${flag} ${text} is too large; a token count is at most ${Number.MAX_SAFE_INTEGER}` };
    }
    counts[flag] = count;
  }
  if (counts.input === undefined && counts.output === undefined) {
    return { error: "give --input and/or --output token counts" };
  }
  const fromCache = (counts.cached ?? 0) + (counts["cache-write"] ?? 0);
  if (fromCache > (counts.input ?? 0)) {
    const parts = (["cached", "cache-write"] as const).filter((flag) => counts[flag] !== undefined);
    const named = parts.map((flag) => `--${flag} ${counts[flag]}`).join(" + ");
    const sum = parts.length > 1 ? ` = ${fromCache}` : "";
    const problem = counts.input === undefined ? "needs --input" : `is more than --input ${counts.input}`;
    return {
      error: `${named}${sum} ${problem}; cache reads and writes are part of the input, so give --input ${fromCache} or more`,
    };
  }
  if ((counts.reasoning ?? 0) > (counts.output ?? 0)) {
    const problem = counts.output === undefined ? "needs --output" : `is more than --output ${counts.output}`;
    return {
      error: `--reasoning ${counts.reasoning} ${problem}; reasoning tokens are part of the output, so give --output ${counts.reasoning} or more`,
    };
  }
  return { counts };
}
