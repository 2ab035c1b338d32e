/** An hourly allowance of model-graded evaluations, by cost and by count, in fixed windows. */
export interface HourlyBudget {
  /** Whether one more model-graded evaluation fits; if so, it is counted. */
  take(): boolean;
  /** Adds what a finished evaluation reported spending. */
  spend(costUsd: number): void;
  /** USD spent in the current window. */
  spent(): number;
}

const HOUR_MS = 3_600_000;

/** Creates the budget; with neither limit set it always has room. */
export function createHourlyBudget(options: {
  maxCostUsdPerHour?: number;
  maxCallsPerHour?: number;
  now: () => number;
}): HourlyBudget {
  let windowStart = options.now();
  let spentUsd = 0;
  let calls = 0;
  const roll = (): void => {
    const now = options.now();
    if (now - windowStart < HOUR_MS) return;
    windowStart = now;
    spentUsd = 0;
    calls = 0;
  };
  return {
    take() {
      roll();
      if (options.maxCostUsdPerHour !== undefined && spentUsd >= options.maxCostUsdPerHour) return false;
      if (options.maxCallsPerHour !== undefined && calls >= options.maxCallsPerHour) return false;
      calls += 1;
      return true;
    },
    spend(costUsd) {
      roll();
      if (Number.isFinite(costUsd) && costUsd > 0) spentUsd += costUsd;
    },
    spent() {
      roll();
      return spentUsd;
    },
  };
}
