import { appendChildren, type Child } from "./create-element.js";
import { setSafeAttribute } from "./set-safe-attribute.js";

const SVG_NAMESPACE = "http://www.w3.org/2000/svg";

/**
 * Creates an SVG element (charts are hand-made SVG). Attributes go through the same guard as HTML ones;
 * labels are added as string children, so they become text nodes.
 * @example
 * createSvgElement("line", { x1: 0, y1: 10, x2: 100, y2: 10, class: "axis" });
 */
export function createSvgElement<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | number | undefined> = {},
  children: readonly Child[] = [],
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG_NAMESPACE, tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined) continue;
    setSafeAttribute({ element, name, value: String(value) });
  }
  appendChildren(element, children);
  return element;
}
