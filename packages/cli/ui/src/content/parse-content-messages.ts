import { formatValueAsText } from "../format/format-value-as-text.js";

/** One part of a message, after the OTel GenAI message schemas (`type` discriminates). */
export type ContentPart =
  | { type: "text"; content: string }
  | { type: "reasoning"; content: string }
  | { type: "tool_call"; id: string | null; name: string; arguments: string }
  | { type: "tool_call_response"; id: string | null; response: string }
  | { type: "other"; partType: string; text: string };

/** One chat message: a role and its parts. */
export interface ContentMessage {
  role: string;
  name: string | null;
  parts: ContentPart[];
  finishReason: string | null;
}

/** Parsed content, or the raw text and why it could not be read. */
export type ParsedContent =
  | { ok: true; messages: ContentMessage[] }
  | { ok: false; raw: string; reason: string };

/**
 * Reads `gen_ai.input.messages` or `gen_ai.output.messages`: a JSON array of `{ role, parts, name?,
 * finish_reason? }`. Anything that does not fit comes back as `ok: false` with the raw text, so the page
 * can show it as it is instead of breaking.
 * @example parseContentMessages('[{"role":"user","parts":[{"type":"text","content":"hi"}]}]');
 */
export function parseContentMessages(value: unknown): ParsedContent {
  const parsed = parseJsonValue(value);
  if (!parsed.ok) return parsed;
  if (!Array.isArray(parsed.value)) return { ok: false, raw: rawText(value), reason: "not a JSON array" };
  const messages: ContentMessage[] = [];
  for (const item of parsed.value) {
    if (!isRecord(item) || typeof item.role !== "string" || !Array.isArray(item.parts))
      return { ok: false, raw: rawText(value), reason: "a message without role and parts" };
    messages.push({
      role: item.role,
      name: typeof item.name === "string" ? item.name : null,
      parts: item.parts.map(toPart),
      finishReason: typeof item.finish_reason === "string" ? item.finish_reason : null,
    });
  }
  return { ok: true, messages };
}

/**
 * Reads `gen_ai.system_instructions`: a JSON array of parts (or, leniently, a plain string), as one
 * `system` message.
 */
export function parseSystemInstructions(value: unknown): ParsedContent {
  if (typeof value === "string" && !value.trimStart().startsWith("["))
    return {
      ok: true,
      messages: [
        { role: "system", name: null, parts: [{ type: "text", content: value }], finishReason: null },
      ],
    };
  const parsed = parseJsonValue(value);
  if (!parsed.ok) return parsed;
  if (!Array.isArray(parsed.value))
    return { ok: false, raw: rawText(value), reason: "not a JSON array of parts" };
  return {
    ok: true,
    messages: [{ role: "system", name: null, parts: parsed.value.map(toPart), finishReason: null }],
  };
}

function toPart(part: unknown): ContentPart {
  if (!isRecord(part)) return { type: "other", partType: typeof part, text: formatValueAsText(part) };
  const type = typeof part.type === "string" ? part.type : "unknown";
  if ((type === "text" || type === "reasoning") && typeof part.content === "string")
    return { type, content: part.content };
  if (type === "tool_call")
    return {
      type,
      id: typeof part.id === "string" ? part.id : null,
      name: typeof part.name === "string" ? part.name : "(unnamed tool)",
      arguments: part.arguments === undefined ? "" : formatValueAsText(part.arguments),
    };
  if (type === "tool_call_response")
    return {
      type,
      id: typeof part.id === "string" ? part.id : null,
      response: formatValueAsText(part.response ?? part.result ?? ""),
    };
  return { type: "other", partType: type, text: formatValueAsText(part) };
}

function parseJsonValue(
  value: unknown,
): { ok: true; value: unknown } | { ok: false; raw: string; reason: string } {
  if (typeof value !== "string") return { ok: true, value };
  try {
    return { ok: true, value: JSON.parse(value) };
  } catch (error) {
    return { ok: false, raw: value, reason: error instanceof Error ? error.message : "not JSON" };
  }
}

function rawText(value: unknown): string {
  return typeof value === "string" ? value : formatValueAsText(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
