// Acklam's rational approximation of the inverse normal distribution function.
const centralNumerator = [
  -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
  2.506628277459239,
];
const centralDenominator = [
  -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572,
];
const tailNumerator = [
  -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
  2.938163982698783,
];
const tailDenominator = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
const tailBoundary = 0.02425;

function evaluatePolynomial(coefficients: readonly number[], value: number): number {
  let result = 0;
  for (const coefficient of coefficients) result = result * value + coefficient;
  return result;
}

/**
 * Quantile of the standard normal distribution (Acklam's approximation, relative error below 1.2e-9).
 *
 * @param probability - lower-tail probability in (0, 1)
 */
export function computeNormalQuantile(probability: number): number {
  if (probability <= 0) return Number.NEGATIVE_INFINITY;
  if (probability >= 1) return Number.POSITIVE_INFINITY;
  if (probability < tailBoundary || probability > 1 - tailBoundary) {
    const tail = Math.min(probability, 1 - probability);
    const q = Math.sqrt(-2 * Math.log(tail));
    const value = evaluatePolynomial(tailNumerator, q) / (evaluatePolynomial(tailDenominator, q) * q + 1);
    return probability < tailBoundary ? value : -value;
  }
  const q = probability - 0.5;
  const r = q * q;
  return (evaluatePolynomial(centralNumerator, r) * q) / (evaluatePolynomial(centralDenominator, r) * r + 1);
}
