import { asArray, asFields, asString, type InputMessage, type MessagePart } from "@sightline/core/provider";
import { mapGeminiPart, mapGeminiParts } from "./map-gemini-parts.js";

/**
 * Maps `contents` in every form the SDK accepts (a string, a part, parts, a `Content`, or a list
 * of `Content`s) to semconv input messages. Gemini's `model` role is semconv's `assistant`; a turn
 * made only of function responses is reported as `tool`.
 */
export function mapGeminiContents(contents: unknown): InputMessage[] {
  if (contents === undefined || contents === null) return [];
  const items = Array.isArray(contents) ? contents : [contents];
  if (!items.some(isContent)) return [{ role: "user", parts: items.map(mapGeminiPart) }];
  return items.map((item) => {
    if (!isContent(item)) return { role: "user", parts: [mapGeminiPart(item)] };
    const fields = asFields(item);
    const parts = mapGeminiParts(fields.parts);
    const onlyResponses = parts.length > 0 && parts.every((part) => part.type === "tool_call_response");
    return { role: onlyResponses ? "tool" : mapGeminiRole(asString(fields.role)), parts };
  });
}

/** Maps `config.systemInstruction` (a string, a part, parts or a `Content`) to semconv parts. */
export function mapGeminiSystemInstruction(instruction: unknown): MessagePart[] | undefined {
  if (instruction === undefined || instruction === null) return undefined;
  if (isContent(instruction)) return mapGeminiParts(asFields(instruction).parts);
  return asArray(Array.isArray(instruction) ? instruction : [instruction]).map(mapGeminiPart);
}

/** Gemini roles in semconv terms. */
export function mapGeminiRole(role: string | undefined): string {
  return role === "model" ? "assistant" : (role ?? "user");
}

function isContent(value: unknown): boolean {
  return typeof value === "object" && value !== null && ("parts" in value || "role" in value);
}
