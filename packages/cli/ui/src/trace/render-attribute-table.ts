import { renderLongText } from "../content/render-long-text.js";
import { createElement } from "../dom/create-element.js";
import { formatValueAsText } from "../format/format-value-as-text.js";

/**
 * A key/value table of attributes, keys sorted; values as text (JSON pretty-printed, long ones cut with
 * a "show all" toggle, redaction markers highlighted).
 */
export function renderAttributeTable(options: {
  attributes: Record<string, unknown>;
  testId?: string;
}): HTMLElement {
  const keys = Object.keys(options.attributes).sort();
  if (keys.length === 0) return createElement("p", { className: "muted", text: "none" });
  return createElement("table", { className: "attribute-table", testId: options.testId }, [
    createElement(
      "tbody",
      {},
      keys.map((key) =>
        createElement("tr", {}, [
          createElement("th", { text: key, attributes: { scope: "row" } }),
          createElement("td", {}, [
            renderLongText({
              text: formatValueAsText(options.attributes[key]),
              className: "attribute-value",
            }),
          ]),
        ]),
      ),
    ),
  ]);
}

/** A definition list of label/value facts; `null` values are left out. */
export function renderFacts(facts: readonly (readonly [string, string | Node | null])[]): HTMLElement {
  const list = createElement("dl", { className: "facts" });
  for (const [label, value] of facts) {
    if (value === null) continue;
    list.append(createElement("dt", { text: label }), createElement("dd", {}, [value]));
  }
  return list;
}
