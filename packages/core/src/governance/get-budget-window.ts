import type { BudgetWindow, FixedWindowSize } from "./types.js";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** 1970-01-01 was a Thursday; weeks start on Monday, three days later. */
const MONDAY_OFFSET = 4 * DAY;
const DEFAULT_ROLLING_BUCKETS = 12;

/** The buckets a budget sums at one instant. */
export interface WindowBuckets {
  /** Start (epoch ms) of every bucket in the window, oldest first; the last is the one spend goes to. */
  bucketStarts: number[];
  /** When the current bucket can be forgotten (epoch ms). */
  expiresAt: number;
  /** When a fixed window resets; undefined for rolling windows. */
  resetsAt?: number;
}

/**
 * The buckets of `window` at `now`. A fixed window is one bucket from its UTC boundary to the
 * next. A rolling window is `buckets` equal sub-windows ending with the current one, so spend
 * leaves it one bucket at a time; a few buckets keep the check to a few lookups per call.
 */
export function getBudgetWindow(window: BudgetWindow, now: number): WindowBuckets {
  if (window.type === "fixed") {
    const start = startOfFixedWindow(window.size, now);
    const end = endOfFixedWindow(window.size, start);
    return { bucketStarts: [start], expiresAt: end, resetsAt: end };
  }
  const count = window.buckets ?? DEFAULT_ROLLING_BUCKETS;
  const bucketMs = Math.max(1, Math.ceil(window.durationMs / count));
  const current = Math.floor(now / bucketMs) * bucketMs;
  const bucketStarts: number[] = [];
  for (let index = count - 1; index >= 0; index--) bucketStarts.push(current - index * bucketMs);
  return { bucketStarts, expiresAt: current + bucketMs + window.durationMs };
}

/** A short description for errors and metric attributes, e.g. `day (fixed, UTC)` or `rolling 1h`. */
export function describeBudgetWindow(window: BudgetWindow): string {
  if (window.type === "fixed") return `${window.size} (fixed, UTC)`;
  const duration = window.durationMs;
  const units: [number, string][] = [
    [DAY, "d"],
    [HOUR, "h"],
    [MINUTE, "m"],
    [1000, "s"],
  ];
  for (const [size, suffix] of units) if (duration % size === 0) return `rolling ${duration / size}${suffix}`;
  return `rolling ${duration}ms`;
}

function startOfFixedWindow(size: FixedWindowSize, now: number): number {
  switch (size) {
    case "minute":
      return now - (now % MINUTE);
    case "hour":
      return now - (now % HOUR);
    case "day":
      return now - (now % DAY);
    case "week":
      return now - ((now - MONDAY_OFFSET) % (7 * DAY));
    case "month": {
      const date = new Date(now);
      return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
    }
  }
}

function endOfFixedWindow(size: FixedWindowSize, start: number): number {
  switch (size) {
    case "minute":
      return start + MINUTE;
    case "hour":
      return start + HOUR;
    case "day":
      return start + DAY;
    case "week":
      return start + 7 * DAY;
    case "month": {
      const date = new Date(start);
      return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
    }
  }
}
