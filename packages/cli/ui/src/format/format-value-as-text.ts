/** Longest text made from one value; past it the text is cut (the UI shows 2,000 characters at first anyway). */
const MAX_TEXT = 200_000;
/** JSON nested deeper than this stays compact: indenting a 2,000-deep array would print megabytes of spaces. */
const MAX_INDENTED_DEPTH = 24;

/**
 * Any attribute or JSON value as display text: strings as they are (JSON strings pretty-printed),
 * numbers and booleans as written, arrays and objects as indented JSON. Never recursive in our code:
 * `JSON.stringify` does the walk, and a value too deep or cyclic for it falls back to `String()`.
 * @example formatValueAsText({ city: "Paris" }); // '{\n  "city": "Paris"\n}'
 */
export function formatValueAsText(value: unknown, maxChars: number = MAX_TEXT): string {
  let text: string;
  if (typeof value === "string") text = prettyJsonString(value);
  else if (value === null || value === undefined) text = String(value);
  else if (typeof value === "object") text = stringifyOrString(value);
  else text = String(value);
  return text.length > maxChars ? `${text.slice(0, maxChars)}… [cut at ${maxChars} characters]` : text;
}

function prettyJsonString(text: string): string {
  const start = text.trimStart()[0];
  if ((start !== "{" && start !== "[") || text.length > MAX_TEXT || getJsonDepth(text) > MAX_INDENTED_DEPTH)
    return text;
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

function stringifyOrString(value: object): string {
  try {
    const compact = JSON.stringify(value);
    if (compact === undefined) return String(value);
    return getJsonDepth(compact) > MAX_INDENTED_DEPTH ? compact : JSON.stringify(value, null, 2);
  } catch {
    // Too deep (RangeError) or cyclic: the flat form is still something to read.
    try {
      return String(value);
    } catch {
      return "[unprintable value]";
    }
  }
}

/** The deepest bracket nesting of a JSON text, skipping string contents; one pass, no recursion. */
export function getJsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (inString) {
      if (char === "\\") index += 1;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === "{" || char === "[") deepest = Math.max(deepest, ++depth);
    else if (char === "}" || char === "]") depth -= 1;
  }
  return deepest;
}
