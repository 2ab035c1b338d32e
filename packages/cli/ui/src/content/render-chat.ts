import { createElement } from "../dom/create-element.js";
import type { ContentMessage, ContentPart, ParsedContent } from "./parse-content-messages.js";
import { renderLongText } from "./render-long-text.js";

const KNOWN_ROLES = new Set(["system", "user", "assistant", "tool"]);

/**
 * Chat bubbles for parsed messages, one per message, styled by role (system, user, assistant, tool).
 * Unparsable content shows its raw text with the reason, never an exception.
 */
export function renderChat(options: { label: string; content: ParsedContent }): HTMLElement {
  const { content } = options;
  if (!content.ok)
    return createElement("div", { className: "chat-raw", testId: "chat-raw" }, [
      createElement("p", { className: "muted", text: `${options.label}: shown raw (${content.reason})` }),
      renderLongText({ text: content.raw }),
    ]);
  return createElement("div", { className: "chat" }, content.messages.map(renderBubble));
}

/** One message as a bubble. */
export function renderBubble(message: ContentMessage): HTMLElement {
  const role = KNOWN_ROLES.has(message.role) ? message.role : "other";
  return createElement("div", { className: `bubble bubble-${role}`, testId: `bubble-${role}` }, [
    createElement("div", { className: "bubble-role" }, [
      message.role,
      message.name ? ` · ${message.name}` : null,
      message.finishReason
        ? createElement("span", { className: "muted", text: ` · finish: ${message.finishReason}` })
        : null,
    ]),
    ...message.parts.map(renderPart),
  ]);
}

function renderPart(part: ContentPart): HTMLElement {
  switch (part.type) {
    case "text":
      return renderLongText({ text: part.content, className: "bubble-text" });
    case "reasoning":
      return createElement("div", { className: "part-reasoning" }, [
        createElement("div", { className: "part-label", text: "reasoning" }),
        renderLongText({ text: part.content, className: "bubble-text" }),
      ]);
    case "tool_call":
      return createElement("div", { className: "part-tool", testId: "tool-call" }, [
        createElement("div", { className: "part-label" }, [
          "tool call ",
          createElement("code", { text: part.name }),
          part.id ? createElement("span", { className: "muted", text: ` (${part.id})` }) : null,
        ]),
        part.arguments ? renderLongText({ text: part.arguments, className: "code-block" }) : null,
      ]);
    case "tool_call_response":
      return createElement("div", { className: "part-tool" }, [
        createElement("div", {
          className: "part-label",
          text: `tool result${part.id ? ` (${part.id})` : ""}`,
        }),
        renderLongText({ text: part.response, className: "code-block" }),
      ]);
    default:
      return createElement("div", { className: "part-other" }, [
        createElement("div", { className: "part-label", text: part.partType }),
        renderLongText({ text: part.text, className: "code-block" }),
      ]);
  }
}
