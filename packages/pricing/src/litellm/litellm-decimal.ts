/** How far a rounded price may drift from LiteLLM's float before it is refused (relative). */
const TOLERANCE = 1e-9;

/**
 * A LiteLLM per-token price (USD per token, a binary float such as `2.5e-06`) as Sightline's decimal string in
 * USD per 1M tokens (`"2.5"`), or `undefined` when it is not a non-negative finite number.
 */
export function perTokenToPerMillion(value: unknown): string | undefined {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) return undefined;
  return toDecimal(value * 1_000_000);
}

/**
 * A LiteLLM per-unit price (USD per image, second, character) as a decimal string with at most 6 decimals, and
 * how many units it buys: prices finer than a micro-dollar are stated per 1,000 or per 1M units.
 */
export function perUnitToDecimal(value: unknown): { price: string; per: number } | undefined {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) return undefined;
  for (const per of [1, 1_000, 1_000_000]) {
    const scaled = value * per;
    const fixed = Number(scaled.toFixed(6));
    if (Math.abs(fixed - scaled) <= TOLERANCE * Math.max(1, scaled)) return { price: toDecimal(scaled), per };
  }
  return { price: toDecimal(value * 1_000_000), per: 1_000_000 };
}

/** Rounds to 6 decimals (LiteLLM's floats carry representation noise such as 2.4999999999999996). */
function toDecimal(value: number): string {
  const fixed = value.toFixed(6);
  const trimmed = fixed.replace(/\.?0+$/, "");
  return trimmed === "" ? "0" : trimmed;
}
