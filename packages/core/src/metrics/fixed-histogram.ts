/**
 * An explicit-bucket histogram of fixed size: count, sum, min, max and one count per bucket, with the
 * same bucket rule as the OpenTelemetry SDK (a boundary is the inclusive upper bound of its bucket; one
 * more bucket past the last boundary). Recording allocates nothing, so a stream can fold every chunk gap
 * into one of these and hand the whole distribution over once at its end.
 */
export class FixedHistogram {
  count = 0;
  sum = 0;
  min = Number.POSITIVE_INFINITY;
  max = Number.NEGATIVE_INFINITY;
  /** One count per bucket: `boundaries.length + 1` of them. */
  readonly counts: number[];

  constructor(readonly boundaries: readonly number[]) {
    this.counts = new Array<number>(boundaries.length + 1).fill(0);
  }

  /** Adds one value; NaN is ignored, as the SDK does. */
  record(value: number): void {
    if (Number.isNaN(value)) return;
    this.count++;
    this.sum += value;
    if (value < this.min) this.min = value;
    if (value > this.max) this.max = value;
    const bucket = findBucket(this.boundaries, value);
    this.counts[bucket] = (this.counts[bucket] as number) + 1;
  }

  /** Adds every value `other` holds; both must share the same boundaries. */
  merge(other: FixedHistogram): void {
    if (other.count === 0) return;
    this.count += other.count;
    this.sum += other.sum;
    if (other.min < this.min) this.min = other.min;
    if (other.max > this.max) this.max = other.max;
    const counts = this.counts;
    const from = other.counts;
    for (let index = 0; index < counts.length; index++)
      counts[index] = (counts[index] as number) + (from[index] ?? 0);
  }
}

/** The index of the first boundary at or above `value` (the SDK's `binarySearchUB`). */
function findBucket(boundaries: readonly number[], value: number): number {
  let low = 0;
  let high = boundaries.length - 1;
  let found = boundaries.length;
  while (high >= low) {
    const middle = (low + high) >>> 1;
    if ((boundaries[middle] as number) < value) low = middle + 1;
    else {
      found = middle;
      high = middle - 1;
    }
  }
  return found;
}
