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

/** Parses alert-file YAML, keeping enough source positions to point errors at lines. */
export function readAlertDocument(text: string): AlertDocument {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
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
  return { value: document.errors.length > 0 ? undefined : document.toJS(), syntaxErrors, locate };
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
