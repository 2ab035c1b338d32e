/**
 * Exact (binomial) McNemar test on paired pass/fail outcomes. Only discordant pairs carry information:
 * `baselineOnly` rows passed in the baseline and failed in the candidate, `candidateOnly` the reverse.
 * Under H0 each discordant pair is a fair coin, so the two-sided p-value is
 * min(1, 2 · P(X ≤ min(b, c))) with X ~ Binomial(b + c, ½). No discordant pairs give p = 1.
 */
export function exactMcNemarTest(options: { baselineOnly: number; candidateOnly: number }): number {
  const { baselineOnly, candidateOnly } = options;
  const discordant = baselineOnly + candidateOnly;
  if (discordant === 0) return 1;
  const smaller = Math.min(baselineOnly, candidateOnly);
  // Log space keeps C(n, k) / 2ⁿ finite for thousands of rows.
  const logHalfPower = -discordant * Math.LN2;
  let tail = 0;
  let logChoose = 0; // ln C(n, 0)
  for (let k = 0; k <= smaller; k += 1) {
    if (k > 0) logChoose += Math.log(discordant - k + 1) - Math.log(k);
    tail += Math.exp(logChoose + logHalfPower);
  }
  return Math.min(1, 2 * tail);
}
