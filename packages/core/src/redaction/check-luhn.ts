/**
 * True when `candidate`'s digits (separators ignored) are 13–19 long, start like a card network's
 * number (2–6) and pass the Luhn checksum; order numbers and timestamps mostly fail one of these.
 */
export function checkLuhn(candidate: string): boolean {
  const digits = candidate.replace(/[ -]/g, "");
  if (digits.length < 13 || digits.length > 19 || !/^[2-6]\d+$/.test(digits)) return false;
  let sum = 0;
  let double = false;
  for (let index = digits.length - 1; index >= 0; index--) {
    let digit = digits.charCodeAt(index) - 48;
    if (double) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
    double = !double;
  }
  return sum % 10 === 0;
}
