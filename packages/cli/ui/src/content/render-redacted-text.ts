import { createElement } from "../dom/create-element.js";
import { splitRedactions } from "./split-redactions.js";

/** Text as text nodes, with each redaction marker in a highlighted `<mark>` that says what was removed. */
export function renderRedactedText(text: string): DocumentFragment {
  const fragment = document.createDocumentFragment();
  for (const segment of splitRedactions(text)) {
    fragment.appendChild(
      segment.redacted
        ? createElement("mark", {
            className: "redaction",
            testId: "redaction-marker",
            text: segment.text,
            title: "Removed by Sightline's redaction before export",
          })
        : document.createTextNode(segment.text),
    );
  }
  return fragment;
}
