import { createElement } from "../dom/create-element.js";
import { renderRedactedText } from "./render-redacted-text.js";

/** Characters shown before "show all". */
export const LONG_TEXT_LIMIT = 2000;

/**
 * A block of untrusted text with redaction markers highlighted; past {@link LONG_TEXT_LIMIT} characters
 * it is cut, with a toggle to show all of it.
 */
export function renderLongText(options: { text: string; className?: string; limit?: number }): HTMLElement {
  const limit = options.limit ?? LONG_TEXT_LIMIT;
  const { text } = options;
  const body = createElement("pre", { className: options.className ?? "long-text" });
  if (text.length <= limit) {
    body.appendChild(renderRedactedText(text));
    return body;
  }
  let expanded = false;
  const toggle = createElement("button", {
    className: "button-link",
    testId: "show-all",
    attributes: { type: "button" },
  });
  const render = () => {
    body.replaceChildren(renderRedactedText(expanded ? text : `${text.slice(0, limit)}…`));
    toggle.textContent = expanded
      ? "show less"
      : `show all (${text.length.toLocaleString("en-US")} characters)`;
  };
  toggle.addEventListener("click", () => {
    expanded = !expanded;
    render();
  });
  render();
  return createElement("div", { className: "long-text-wrap" }, [body, toggle]);
}
