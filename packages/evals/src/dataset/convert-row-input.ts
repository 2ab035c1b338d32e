import type { InputMessage } from "@sightline/core/provider";
import type { EvalRow } from "./types.js";

/** A row's input as semconv input messages, what evaluators read: a string becomes one user message. */
export function convertRowInput(input: EvalRow["input"]): InputMessage[] {
  if (typeof input === "string") return [{ role: "user", parts: [{ type: "text", content: input }] }];
  return input.map((message) =>
    "parts" in message
      ? { role: message.role, parts: [...message.parts] }
      : { role: message.role, parts: [{ type: "text", content: message.content }] },
  );
}

/**
 * A row's input as chat-completions messages (`{ role, content }`), for a target that calls a chat API:
 * a string becomes one user message; semconv messages keep their text parts, joined.
 * @example
 * call: (row) => client.chat.completions.create({ model: "gpt-4o-mini", messages: toChatMessages(row.input) })
 */
export function toChatMessages(input: EvalRow["input"]): { role: string; content: string }[] {
  if (typeof input === "string") return [{ role: "user", content: input }];
  return input.map((message) =>
    "parts" in message
      ? {
          role: message.role,
          content: message.parts
            .filter((part) => part.type === "text")
            .map((part) => (part as { content: string }).content)
            .join(""),
        }
      : { role: message.role, content: message.content },
  );
}
