const IPV4_TAIL = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

/**
 * True when `candidate` is a well-formed IPv6 address (at most one `::`, eight groups of 1–4 hex
 * digits when there is none, an optional dotted IPv4 tail). Rejects clock times such as `12:30:45`.
 */
export function checkIpV6(candidate: string): boolean {
  const halves = candidate.split("::");
  if (halves.length > 2) return false;
  let groups = 0;
  for (const [halfIndex, half] of halves.entries()) {
    if (half === "") continue;
    const parts = half.split(":");
    for (const [index, part] of parts.entries()) {
      const isLast = halfIndex === halves.length - 1 && index === parts.length - 1;
      if (isLast && part.includes(".")) {
        if (!IPV4_TAIL.test(part)) return false;
        groups += 2;
      } else if (/^[0-9A-Fa-f]{1,4}$/.test(part)) {
        groups += 1;
      } else {
        return false;
      }
    }
  }
  return halves.length === 2 ? groups < 8 : groups === 8;
}
