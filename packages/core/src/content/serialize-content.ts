import type { RedactContent } from "../config/types.js";

/** A serialized content attribute. */
export interface SerializedContent {
  json: string;
  truncated: boolean;
}

/** Room the truncation marker takes, in characters. */
const MARKER_ALLOWANCE = 24;
const TEXT_KEYS = new Set(["content", "arguments", "response", "description"]);

/**
 * Serializes a content value (messages, parts or tool definitions) to JSON no longer than
 * `maxBytes` UTF-8 bytes. Backends and SDK limits slice strings blindly, which leaves invalid
 * JSON, so the cut happens here instead: long texts are shortened (all to the same cap, found by
 * bisection, so one huge message cannot starve the others) and marked; if the structure alone is
 * still too big, the oldest items are replaced by a marker. Every text passes `redact` first.
 */
export function serializeContent(options: {
  value: unknown;
  attribute: string;
  maxBytes: number;
  redact?: RedactContent;
  /** Runs on the whole value after `redact` and before serializing (the built-in redactor). */
  sanitize?: (value: unknown) => unknown;
}): SerializedContent {
  const { attribute, maxBytes, redact } = options;
  const redacted = redact ? redactTexts(options.value, attribute, redact, undefined) : options.value;
  const value = options.sanitize ? options.sanitize(redacted) : redacted;
  const full = JSON.stringify(value) ?? "null";
  if (byteLength(full) <= maxBytes) return { json: full, truncated: false };

  let low = 0;
  let high = longestText(value);
  let best: string | undefined;
  while (low <= high) {
    const cap = Math.floor((low + high) / 2);
    const candidate = JSON.stringify(capTexts(value, cap));
    if (byteLength(candidate) <= maxBytes) {
      best = candidate;
      low = cap + 1;
    } else {
      high = cap - 1;
    }
  }
  if (best !== undefined) return { json: best, truncated: true };
  return { json: dropOldest(capTexts(value, 0), maxBytes), truncated: true };
}

/** UTF-8 length without allocating an encoded copy. */
function byteLength(text: string): number {
  let bytes = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      index++;
    } else bytes += 3;
  }
  return bytes;
}

function redactTexts(
  value: unknown,
  attribute: string,
  redact: RedactContent,
  role: string | undefined,
): unknown {
  if (typeof value === "string") return redact(value, { attribute, role });
  if (Array.isArray(value)) return value.map((item) => redactTexts(item, attribute, redact, role));
  if (value && typeof value === "object") {
    const record = value as Record<string, unknown>;
    const itemRole = typeof record.role === "string" ? record.role : role;
    const result: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(record)) {
      result[key] =
        TEXT_KEYS.has(key) || typeof item === "object"
          ? redactTexts(item, attribute, redact, itemRole)
          : item;
    }
    return result;
  }
  return value;
}

function longestText(value: unknown): number {
  if (typeof value === "string") return value.length;
  if (Array.isArray(value)) return value.reduce((max: number, item) => Math.max(max, longestText(item)), 0);
  if (value && typeof value === "object") {
    let max = 0;
    for (const item of Object.values(value)) max = Math.max(max, longestText(item));
    return max;
  }
  return 0;
}

function capTexts(value: unknown, cap: number): unknown {
  if (typeof value === "string") {
    // Cutting a text only pays when the cut part is longer than the marker that replaces it.
    if (value.length <= cap + MARKER_ALLOWANCE) return value;
    return `${value.slice(0, cap)}…[truncated ${value.length - cap} chars]`;
  }
  if (Array.isArray(value)) return value.map((item) => capTexts(item, cap));
  if (value && typeof value === "object") {
    const result: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      // Only free text is cut; names, roles and ids stay whole so the structure stays readable.
      result[key] = TEXT_KEYS.has(key) || typeof item === "object" ? capTexts(item, cap) : item;
    }
    return result;
  }
  return value;
}

function dropOldest(value: unknown, maxBytes: number): string {
  if (!Array.isArray(value)) return JSON.stringify({ truncated: true });
  const items = [...value];
  while (items.length > 0) {
    const dropped = value.length - items.length;
    const marker = {
      role: "_truncated",
      parts: [{ type: "text", content: `[${dropped} earlier items dropped]` }],
    };
    const candidate = JSON.stringify(dropped > 0 ? [marker, ...items] : items);
    if (byteLength(candidate) <= maxBytes) return candidate;
    items.shift();
  }
  return "[]";
}
