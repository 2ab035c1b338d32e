import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// Span content is untrusted: the web UI builds DOM from text only. This scans every file under
// packages/cli/ui for the ways markup or code can be made from a string, so a sink fails the tests
// the day it is introduced rather than the day someone sends a hostile span.
const UI_ROOT = fileURLToPath(new URL("../../ui/", import.meta.url));

/** Forbidden in every UI file, the dev fixture included. */
const SINKS: [string, RegExp][] = [
  ["innerHTML", /\binnerHTML\b/],
  ["outerHTML", /\bouterHTML\b/],
  ["insertAdjacentHTML", /\binsertAdjacentHTML\b/],
  ["document.write", /\bdocument\s*\.\s*write(ln)?\b/],
  ["eval", /(^|[^.\w])eval\s*\(/],
  ["new Function", /\bnew\s+Function\s*\(/],
  ["createContextualFragment", /\bcreateContextualFragment\b/],
  ["DOMParser", /\bDOMParser\b/],
  ["srcdoc", /\bsrcdoc\b/],
  ["string timer", /\bset(Timeout|Interval)\s*\(\s*["'`]/],
  ["event handler property", /\.on[a-z]+\s*=(?!=)/],
  ["event handler attribute", /setAttribute\(\s*["'`]on/i],
];

/** Also forbidden in the shipped sources and page (the fixture holds hostile strings as test data). */
const SHIPPED_SINKS: [string, RegExp][] = [
  ["javascript: URL", /javascript:/i],
  ["inline event handler", /<[^>]*\son[a-z]+\s*=/i],
  ["inline style attribute", /<[^>]*\sstyle\s*=/i],
  ["style element", /<style[\s>]/i],
  ["inline script", /<script(?![^>]*\ssrc=)[^>]*>/i],
];

function listFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === "node_modules") return [];
    const path = join(directory, entry.name);
    return entry.isDirectory() ? listFiles(path) : [path];
  });
}

function findSinks(options: { text: string; shipped: boolean }): string[] {
  const rules = options.shipped ? [...SINKS, ...SHIPPED_SINKS] : SINKS;
  return rules.filter(([, pattern]) => pattern.test(options.text)).map(([name]) => name);
}

describe("web UI sources", () => {
  const files = listFiles(UI_ROOT).filter((file) => /\.(ts|mjs|js|html|css)$/.test(file));

  it("are found (the scan is looking at the right folder)", () => {
    expect(files.some((file) => file.endsWith("main.ts"))).toBe(true);
    expect(files.some((file) => file.endsWith("index.html"))).toBe(true);
  });

  it.each(files.map((file) => [relative(UI_ROOT, file), file]))(
    "%s has no HTML or code sinks",
    (name, file) => {
      const shipped = !name.startsWith("dev/") && !name.endsWith(".test.ts");
      expect(findSinks({ text: readFileSync(file, "utf8"), shipped })).toEqual([]);
    },
  );

  it.each([
    ["element.innerHTML = text", "innerHTML"],
    ["node.insertAdjacentHTML('beforeend', x)", "insertAdjacentHTML"],
    ["document.write(x)", "document.write"],
    ["eval(code)", "eval"],
    ["new Function('return 1')", "new Function"],
    ["button.onclick = run", "event handler property"],
    ["el.setAttribute('onerror', x)", "event handler attribute"],
    ['<a href="javascript:alert(1)">', "javascript: URL"],
    ['<body onload="go()">', "inline event handler"],
    ['<div style="color:red">', "inline style attribute"],
    ["<script>alert(1)</script>", "inline script"],
  ])("catches %s", (text, sink) => {
    expect(findSinks({ text, shipped: true })).toContain(sink);
  });

  it("allows what the UI does use", () => {
    const allowed = [
      'element.textContent = "x";',
      'bar.style.width = "4%";',
      'element.addEventListener("click", onClick);',
      "evaluate(x); retrieval(y);",
      '<script src="/app.js" defer></script>',
    ].join("\n");
    expect(findSinks({ text: allowed, shipped: true })).toEqual([]);
  });
});
