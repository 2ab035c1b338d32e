/** Deterministic token estimate: characters / 4, rounded up, at least 1. */
export function countTokens(text: string): number {
  return Math.max(1, Math.ceil(text.length / 4));
}

/** Joins every string found in a request value (messages, input items, content parts) with spaces. */
export function collectText(value: unknown): string {
  const parts: string[] = [];
  const visit = (node: unknown): void => {
    if (typeof node === "string") parts.push(node);
    else if (Array.isArray(node)) for (const item of node) visit(item);
    else if (typeof node === "object" && node !== null) for (const item of Object.values(node)) visit(item);
  };
  visit(value);
  return parts.join(" ");
}
