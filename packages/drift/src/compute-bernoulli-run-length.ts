/**
 * Exact average run length of an integer Bernoulli CUSUM (Reynolds & Stoumbos 1999): from zero, the chart
 * adds `jump` on an outcome of probability `probability`, takes `step` off otherwise (never below zero), and
 * alarms once it exceeds `threshold`. The states 0…threshold form a Markov chain whose expected time to
 * absorption solves `(I − P)·L = 1`; `P` has one entry `step` columns below the diagonal and one `jump`
 * columns above, so a banded elimination costs O(threshold · step · jump).
 */
export function computeBernoulliRunLength(options: {
  jump: number;
  step: number;
  threshold: number;
  probability: number;
}): number {
  const { jump, step, threshold } = options;
  const p = Math.min(1, Math.max(0, options.probability));
  const q = 1 - p;
  const size = threshold + 1;
  const width = step + jump + 1;
  // band[row * width + (column − row + step)] holds (I − P)[row][column].
  const band = new Float64Array(size * width);
  const right = new Float64Array(size).fill(1);
  const at = (row: number, column: number) => row * width + (column - row + step);
  for (let row = 0; row < size; row += 1) {
    band[at(row, row)] = 1;
    const up = row + jump;
    if (up < size) band[at(row, up)] = (band[at(row, up)] as number) - p;
    const down = Math.max(0, row - step);
    band[at(row, down)] = (band[at(row, down)] as number) - q;
  }
  for (let pivot = 0; pivot < size; pivot += 1) {
    const diagonal = band[at(pivot, pivot)] as number;
    if (diagonal <= 0) return Number.POSITIVE_INFINITY;
    const lastRow = Math.min(size - 1, pivot + step);
    const lastColumn = Math.min(size - 1, pivot + jump);
    for (let row = pivot + 1; row <= lastRow; row += 1) {
      const factor = (band[at(row, pivot)] as number) / diagonal;
      if (factor === 0) continue;
      for (let column = pivot; column <= lastColumn; column += 1) {
        band[at(row, column)] =
          (band[at(row, column)] as number) - factor * (band[at(pivot, column)] as number);
      }
      right[row] = (right[row] as number) - factor * (right[pivot] as number);
    }
  }
  const lengths = new Float64Array(size);
  for (let row = size - 1; row >= 0; row -= 1) {
    let sum = right[row] as number;
    const lastColumn = Math.min(size - 1, row + jump);
    for (let column = row + 1; column <= lastColumn; column += 1) {
      sum -= (band[at(row, column)] as number) * (lengths[column] as number);
    }
    lengths[row] = sum / (band[at(row, row)] as number);
  }
  return lengths[0] as number;
}
