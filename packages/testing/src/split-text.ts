/** Splits `text` into `count` non-empty pieces of near-equal length (fewer when shorter); `[]` for "". */
export function splitText(text: string, count: number): string[] {
  if (text === "") return [];
  const pieces = Math.max(1, Math.min(Math.floor(count), text.length));
  const result: string[] = [];
  for (let index = 0; index < pieces; index++) {
    const start = Math.floor((index * text.length) / pieces);
    const end = Math.floor(((index + 1) * text.length) / pieces);
    result.push(text.slice(start, end));
  }
  return result;
}
