import { isMap, isNode, isScalar, LineCounter, parseDocument } from "yaml";

/** A path into the parsed document: map keys and list indexes. */
export type FieldPath = readonly (string | number)[];

/** A problem found in the document, before it is tied to a line. */
export interface FieldIssue {
  /** Where the problem is. */
  path: FieldPath;
  /** What is wrong and what is allowed. */
  detail: string;
}

/** The parsed YAML with a way to find the line of any field. */
export interface AlertDocument {
  /** Plain JavaScript value of the document (undefined when empty). */
  value: unknown;
  /** YAML syntax errors, already positioned. */
  syntaxErrors: { line: number; column: number; detail: string }[];
  /** Line and column of the deepest existing node on `path` (a missing field points at its parent). */
  locate: (path: FieldPath) => { line: number; column: number };
}

/**
 * Alias expansions allowed when building the value: an alert file reuses an anchor a few times at most, while
 * a "billion laughs" document expands a few lines into billions of nodes. (The yaml library's default is the
 * same; it is set here so that it cannot change under us.)
 */
export const MAX_ALIAS_COUNT = 100;

/**
 * Parses alert-file YAML, keeping enough source positions to point errors at lines. Never throws: a document
 * the parser cannot handle (aliases expanding past `MAX_ALIAS_COUNT`, nesting deep enough to exhaust the
 * stack) comes back as one syntax error saying why and what to do.
 */
export function readAlertDocument(text: string): AlertDocument {
  const lineCounter = new LineCounter();
  let document: ReturnType<typeof parseDocument>;
  try {
    document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  } catch (error) {
    return createFailedDocument(describeParserFailure(error));
  }
  const getNode = (path: FieldPath): unknown =>
    path.length === 0 ? document.contents : document.getIn(path, true);
  const toPosition = (offset: number) => {
    const position = lineCounter.linePos(offset);
    return { line: position.line, column: position.col };
  };
  const syntaxErrors = document.errors.map((error) => ({
    ...toPosition(error.pos[0]),
    // Without prettyErrors the yaml library's message is one sentence with no code excerpt.
    detail: `invalid YAML: ${error.message}`,
  }));
  const locate = (path: FieldPath) => {
    // A field that exists is reported at its key (the line people look for); a missing one at the map that
    // lacks it, found by walking up the path.
    const last = path.at(-1);
    const parent = path.length === 0 ? undefined : getNode(path.slice(0, -1));
    if (isMap(parent)) {
      const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === last);
      if (pair && isScalar(pair.key) && pair.key.range) return toPosition(pair.key.range[0]);
    }
    for (let length = path.length; length >= 0; length -= 1) {
      const node = getNode(path.slice(0, length));
      if (isNode(node) && node.range) return toPosition(node.range[0]);
    }
    return { line: 1, column: 1 };
  };
  if (syntaxErrors.length > 0) return { value: undefined, syntaxErrors, locate };
  try {
    return { value: document.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), syntaxErrors, locate };
  } catch (error) {
    return createFailedDocument(describeParserFailure(error));
  }
}

/** A document that could not be read at all: one error on line 1 and no value. */
function createFailedDocument(detail: string): AlertDocument {
  return {
    value: undefined,
    syntaxErrors: [{ line: 1, column: 1, detail }],
    locate: () => ({ line: 1, column: 1 }),
  };
}

function describeParserFailure(error: unknown): string {
  if (error instanceof ReferenceError && /alias/i.test(error.message)) {
    return `invalid YAML: its aliases expand past ${MAX_ALIAS_COUNT} copies (a "billion laughs" document?); write the values out or reuse an anchor fewer times`;
  }
  if (error instanceof RangeError) {
    return "invalid YAML: nested too deeply to read; an alert file needs only a few levels of lists and maps";
  }
  return `invalid YAML: ${error instanceof Error ? error.message : String(error)}`;
}

/** `rules[2].threshold` style rendering of a path. */
export function formatFieldPath(path: FieldPath): string {
  let text = "";
  for (const part of path) {
    if (typeof part === "number") text += `[${part}]`;
    else text += text === "" ? part : `.${part}`;
  }
  return text;
}
