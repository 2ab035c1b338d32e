/**
 * A local timestamp: the time of day for today, with the date otherwise.
 * @example formatTime(Date.now()); // "14:03:07"
 */
export function formatTime(ms: number, now: number = Date.now()): string {
  if (!Number.isFinite(ms)) return "—";
  const date = new Date(ms);
  const time = date.toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit", second: "2-digit" });
  if (date.toDateString() === new Date(now).toDateString()) return time;
  return `${date.toLocaleDateString(undefined, { month: "short", day: "numeric" })} ${time}`;
}

/** A local timestamp with milliseconds and the date, for span details. */
export function formatPreciseTime(ms: number): string {
  if (!Number.isFinite(ms)) return "—";
  const date = new Date(ms);
  const day = date.toLocaleDateString(undefined, { year: "numeric", month: "short", day: "numeric" });
  const time = date.toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit", second: "2-digit" });
  return `${day} ${time}.${String(date.getMilliseconds()).padStart(3, "0")}`;
}

/**
 * An axis label for a time bucket: month and day when the window spans days, seconds when it spans less
 * than ten minutes (a demo run or a test lasts seconds, and five ticks of "04:11" say nothing), else hours
 * and minutes.
 */
export function formatAxisTime(options: { ms: number; spanMs: number }): string {
  const date = new Date(options.ms);
  if (options.spanMs > 2 * 86_400_000)
    return date.toLocaleDateString(undefined, { month: "short", day: "numeric" });
  if (options.spanMs < 10 * 60_000) {
    return date.toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit", second: "2-digit" });
  }
  return date.toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" });
}
