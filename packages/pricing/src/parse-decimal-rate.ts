const DECIMAL_PATTERN = /^(\d+)(?:\.(\d+))?$/;
const SCALE_DIGITS = 6;

/**
 * Parses a price in USD per 1M tokens into an integer number of pico-USD per token (micro-USD per 1M tokens),
 * so that token × rate is exact integer arithmetic.
 */
export function parseDecimalRate(value: string | number): number {
  const text = typeof value === "number" ? numberToDecimal(value) : value.trim();
  const parts = DECIMAL_PATTERN.exec(text);
  if (!parts) {
    throw new RangeError(`Price "${String(value)}" is not a non-negative decimal (USD per 1M tokens).`);
  }
  const whole = parts[1] ?? "0";
  const fraction = (parts[2] ?? "").replace(/0+$/, "");
  if (fraction.length > SCALE_DIGITS) {
    throw new RangeError(`Price "${text}" has more than ${SCALE_DIGITS} decimal places (USD per 1M tokens).`);
  }
  const rate = Number(whole) * 10 ** SCALE_DIGITS + Number(fraction.padEnd(SCALE_DIGITS, "0"));
  if (!Number.isSafeInteger(rate)) {
    throw new RangeError(`Price "${text}" is too large.`);
  }
  return rate;
}

/** Formats an integer rate from `parseDecimalRate` back into a decimal string in USD per 1M tokens. */
export function formatDecimalRate(rate: number): string {
  const whole = Math.floor(rate / 10 ** SCALE_DIGITS);
  const fraction = String(rate % 10 ** SCALE_DIGITS)
    .padStart(SCALE_DIGITS, "0")
    .replace(/0+$/, "");
  return fraction ? `${whole}.${fraction}` : String(whole);
}

function numberToDecimal(value: number): string {
  if (!Number.isFinite(value) || value < 0) {
    throw new RangeError(`Price ${value} is not a non-negative finite number (USD per 1M tokens).`);
  }
  // Binary floats such as 0.1 + 0.2 are rounded to 6 places; anything that changes more than that is refused.
  const fixed = value.toFixed(SCALE_DIGITS);
  if (Math.abs(Number(fixed) - value) > 1e-9 * Math.max(1, value)) {
    throw new RangeError(
      `Price ${value} needs more than ${SCALE_DIGITS} decimal places (USD per 1M tokens).`,
    );
  }
  return fixed;
}
