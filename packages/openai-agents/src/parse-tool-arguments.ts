/** A tool call's JSON arguments as a value (recorded only with content capture on), or the raw text. */
export function parseToolArguments(text: string | undefined): unknown {
  if (text === undefined || text === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
