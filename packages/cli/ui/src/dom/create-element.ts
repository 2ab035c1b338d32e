import { setSafeAttribute } from "./set-safe-attribute.js";

/** A child for {@link createElement}: nodes as they are, strings as text nodes; null, undefined and false are skipped. */
export type Child = Node | string | null | undefined | false;

/** What {@link createElement} sets: text, attributes and listeners only, never markup. */
export interface ElementOptions {
  /** Space-separated classes. */
  className?: string;
  /** The element's `textContent`. */
  text?: string;
  /** `data-testid`, the stable hook of the browser tests. */
  testId?: string;
  /** Tooltip (`title` attribute). */
  title?: string;
  /** Further attributes; names starting with `on`, `style` and script URLs are refused. */
  attributes?: Record<string, string | number | boolean | undefined>;
  /** Click listener, added with `addEventListener` (never an inline handler). */
  onClick?: (event: MouseEvent) => void;
}

/**
 * Creates an HTML element. All span content is untrusted, so this is the UI's only way to build DOM:
 * it sets `textContent`, attributes through {@link setSafeAttribute} and listeners, and has no path that
 * parses a string as HTML.
 * @example
 * createElement("td", { className: "num", text: formatCost(trace.costUsd) });
 */
export function createElement<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  options: ElementOptions = {},
  children: readonly Child[] = [],
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (options.className) element.className = options.className;
  if (options.text !== undefined) element.textContent = options.text;
  if (options.testId) element.dataset.testid = options.testId;
  if (options.title !== undefined) element.title = options.title;
  for (const [name, value] of Object.entries(options.attributes ?? {})) {
    if (value === undefined || value === false) continue;
    setSafeAttribute({ element, name, value: value === true ? "" : String(value) });
  }
  if (options.onClick) (element as HTMLElement).addEventListener("click", options.onClick);
  appendChildren(element, children);
  return element;
}

/** Appends children to a node, strings as text nodes. */
export function appendChildren(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
  }
}
