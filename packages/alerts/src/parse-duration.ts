const unitSeconds = { s: 1, m: 60, h: 3600, d: 86_400 } as const;

/** Durations the alert file accepts: a positive whole number and one unit, as Prometheus writes them. */
export const durationPattern = /^([1-9][0-9]*)(s|m|h|d)$/;

/** Seconds in a duration string such as `5m`, or undefined when the string is not one. */
export function parseDuration(text: string): number | undefined {
  const match = durationPattern.exec(text);
  if (!match) return undefined;
  return Number(match[1]) * unitSeconds[match[2] as keyof typeof unitSeconds];
}

/** The shortest Prometheus duration string for a number of seconds (`3600` → `1h`, `90` → `90s`). */
export function formatDuration(seconds: number): string {
  for (const [unit, size] of [
    ["d", 86_400],
    ["h", 3600],
    ["m", 60],
  ] as const) {
    if (seconds >= size && seconds % size === 0) return `${seconds / size}${unit}`;
  }
  return `${seconds}s`;
}
