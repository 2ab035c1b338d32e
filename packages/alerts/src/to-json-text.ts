const lineWidth = 110;

function serialize(value: unknown, indent: string, prefixLength: number): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    // Arrays of plain values go on one line when they fit, as the repository's formatter (Biome) writes them.
    if (value.every((item) => item === null || typeof item !== "object")) {
      const oneLine = `[${value.map((item) => JSON.stringify(item)).join(", ")}]`;
      if (prefixLength + oneLine.length + 1 <= lineWidth) return oneLine;
    }
    return `[\n${value.map((item) => `${inner}${serialize(item, inner, inner.length)}`).join(",\n")}\n${indent}]`;
  }
  const entries = Object.entries(value).filter(([, item]) => item !== undefined);
  if (entries.length === 0) return "{}";
  const lines = entries.map(([key, item]) => {
    const head = `${inner}${JSON.stringify(key)}: `;
    return `${head}${serialize(item, inner, head.length)}`;
  });
  return `{\n${lines.join(",\n")}\n${indent}}`;
}

/**
 * JSON text for generated files, laid out the way Biome formats JSON (objects expanded, short arrays of
 * plain values on one line), so checked-in outputs pass the repository's format check unchanged.
 */
export function toJsonText(value: unknown): string {
  return `${serialize(value, "", 0)}\n`;
}
