/** URL-bearing attributes: only in-app hash links and same-origin paths may go there. */
const URL_ATTRIBUTES = new Set(["href", "src", "action", "formaction", "xlink:href", "srcset", "poster"]);
const SAFE_URL = /^(#|\/(?!\/)|\.\/)/;

/**
 * Sets one attribute, refusing what could run script: event-handler attributes (`on*`), `style` (the
 * CSP blocks it anyway; positions go through `element.style`), and URLs other than `#…` or same-origin
 * paths (so no script URLs). A refused attribute is skipped with a console warning, never thrown, so a
 * hostile value cannot break the page either.
 */
export function setSafeAttribute(options: { element: Element; name: string; value: string }): void {
  const name = options.name.toLowerCase();
  if (name.startsWith("on") || name === "style") {
    console.warn(`sightline ui: refused attribute ${name}`);
    return;
  }
  if (URL_ATTRIBUTES.has(name) && !SAFE_URL.test(options.value.trim())) {
    console.warn(`sightline ui: refused ${name} outside this app`);
    return;
  }
  options.element.setAttribute(options.name, options.value);
}
