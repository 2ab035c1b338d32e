import type { StoredSpan } from "../../../src/web/dev-api-types.js";
import { createElement } from "../dom/create-element.js";
import { parseContentMessages, parseSystemInstructions } from "./parse-content-messages.js";
import { renderChat } from "./render-chat.js";

const CONTENT_ATTRIBUTES = [
  { key: "gen_ai.system_instructions", label: "System instructions", parse: parseSystemInstructions },
  { key: "gen_ai.input.messages", label: "Input", parse: parseContentMessages },
  { key: "gen_ai.output.messages", label: "Output", parse: parseContentMessages },
] as const;

/** Whether the span carries captured content (any of the three content attributes). */
export function hasCapturedContent(span: StoredSpan): boolean {
  return CONTENT_ATTRIBUTES.some((entry) => span.attributes[entry.key] !== undefined);
}

/**
 * The conversation a GenAI span captured: system instructions, input and output messages as chat
 * bubbles. `null` when content capture was off for this call.
 */
export function renderSpanConversation(span: StoredSpan): HTMLElement | null {
  if (!hasCapturedContent(span)) return null;
  const blocks: HTMLElement[] = [];
  for (const entry of CONTENT_ATTRIBUTES) {
    const value = span.attributes[entry.key];
    if (value === undefined) continue;
    blocks.push(
      createElement("div", { className: "chat-block" }, [
        createElement("div", { className: "chat-block-label", text: entry.label }),
        renderChat({ label: entry.label, content: entry.parse(value) }),
      ]),
    );
  }
  return createElement("div", { className: "conversation", testId: "span-conversation" }, blocks);
}
