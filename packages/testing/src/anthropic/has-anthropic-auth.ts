/**
 * Whether a request carries an Anthropic credential in either style: `x-api-key` (SDK 0.x) or
 * `Authorization: Bearer` (SDK 1.x).
 */
export function hasAnthropicAuth(headers: Record<string, string>): boolean {
  return Boolean(headers["x-api-key"]) || /^Bearer \S+/.test(headers.authorization ?? "");
}
