import type { Redactor } from "./types.js";

/**
 * Keys whose values are structure, never user text: left alone so roles, part types and finish
 * reasons stay readable (the detectors would not match them anyway; skipping saves the scan).
 */
const STRUCTURAL_KEYS = new Set(["role", "type", "finish_reason", "modality", "mime_type"]);

/**
 * Redacts every string in a content value — message texts, but also tool-call arguments and
 * tool results, whose parsed JSON has keys nobody can list in advance (`{"token": "sk-…"}`),
 * names, ids and URIs (signed URLs carry credentials) — adding findings to `counts`. Returns a
 * copy; the provider's own objects are never changed.
 */
export function redactContentValue(
  value: unknown,
  redactor: Redactor,
  counts: Record<string, number>,
): unknown {
  if (typeof value === "string") {
    const result = redactor.redact(value);
    for (const [kind, count] of Object.entries(result.counts)) counts[kind] = (counts[kind] ?? 0) + count;
    return result.text;
  }
  if (Array.isArray(value)) return value.map((item) => redactContentValue(item, redactor, counts));
  if (value && typeof value === "object") {
    const result: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      result[key] = STRUCTURAL_KEYS.has(key) ? item : redactContentValue(item, redactor, counts);
    }
    return result;
  }
  return value;
}
