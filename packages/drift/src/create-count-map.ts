/** Name of the bucket that pools categories beyond the top-K. */
export const otherCategory = "__other__";

/**
 * An empty count record without a prototype, so category names such as `__proto__` or `constructor` are
 * ordinary keys.
 */
export function createCountMap(entries?: Readonly<Record<string, number>>): Record<string, number> {
  const counts = Object.create(null) as Record<string, number>;
  if (entries !== undefined)
    for (const [category, count] of Object.entries(entries)) counts[category] = count;
  return counts;
}

/**
 * Adds one observation to a bounded map: the first `capacity` distinct categories (plus any in `known`) are
 * counted exactly, later newcomers are pooled under {@link otherCategory}, so memory stays O(capacity).
 */
export function incrementCountMap(
  counts: Record<string, number>,
  options: { category: string; capacity: number; known?: Readonly<Record<string, number>> },
): void {
  let category = options.category;
  const current = counts[category];
  // The common case, a category already counted: one lookup.
  if (current !== undefined) {
    counts[category] = current + 1;
    return;
  }
  if (options.known?.[category] === undefined) {
    let size = 0;
    for (const name in counts) if (name !== otherCategory) size += 1;
    if (size >= options.capacity) category = otherCategory;
  }
  counts[category] = (counts[category] ?? 0) + 1;
}
