/**
 * A USD amount: four decimals under a dollar, six under a hundredth of a cent (LLM calls cost fractions of a cent), two above; `—` when
 * no call was priced.
 * @example formatCost(0.00213); // "$0.0021"
 */
export function formatCost(usd: number | null | undefined): string {
  if (usd === null || usd === undefined || !Number.isFinite(usd)) return "—";
  if (usd === 0) return "$0";
  if (Math.abs(usd) < 0.000001) return "<$0.000001";
  if (Math.abs(usd) < 0.0001) return `$${usd.toFixed(6)}`;
  if (Math.abs(usd) < 1) return `$${usd.toFixed(4)}`;
  return `$${usd.toFixed(2)}`;
}
