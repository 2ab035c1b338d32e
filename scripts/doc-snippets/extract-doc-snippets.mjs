// Finds the marked snippets in the docs. A marker is an HTML comment on the line before a fenced block
// (blank lines between are allowed), invisible when the Markdown is rendered:
//
//   <!-- snippet: getting-started-node22 install -->   the block's `npm install …` lines, run in order
//   <!-- snippet: getting-started-node22 app.mjs -->   the block is written to app.mjs, then run with node
//
// Blocks with the same snippet name, in any number of docs, make one app and one test result.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const MARKER = /^<!--\s*snippet:\s*([a-z0-9-]+)\s+(\S+)\s*-->\s*$/;
const FENCE = /^(```+|~~~+)/;

/**
 * Returns a Map from snippet name to `{ sources, installLines, files }`: `sources` names where each block
 * came from (`docs/x.md:12`), `installLines` the `npm install` lines in order, `files` a Map from file
 * name to its text, in the order they appear (the last one is the one to run).
 */
export function extractDocSnippets(docsDirectory) {
  const snippets = new Map();
  for (const fileName of readdirSync(docsDirectory)
    .filter((name) => name.endsWith(".md"))
    .sort()) {
    const lines = readFileSync(join(docsDirectory, fileName), "utf8").split("\n");
    for (let index = 0; index < lines.length; index++) {
      const marker = MARKER.exec(lines[index].trim());
      if (!marker) continue;
      const [, name, role] = marker;
      const where = `docs/${fileName}:${index + 1}`;
      let start = index + 1;
      while (start < lines.length && lines[start].trim() === "") start++;
      const fence = FENCE.exec(lines[start] ?? "");
      if (!fence) throw new Error(`${where}: the snippet marker is not followed by a fenced code block`);
      let end = start + 1;
      while (end < lines.length && !lines[end].startsWith(fence[1])) end++;
      if (end === lines.length) throw new Error(`${where}: the fenced block after the marker never closes`);
      const body = lines.slice(start + 1, end);
      const snippet = snippets.get(name) ?? { sources: [], installLines: [], files: new Map() };
      snippet.sources.push(where);
      if (role === "install") {
        const commands = body
          .map((line) => line.trim())
          .filter((line) => line !== "" && !line.startsWith("#"));
        const other = commands.find((line) => !line.startsWith("npm install "));
        if (other)
          throw new Error(`${where}: an install block holds only "npm install …" lines, not "${other}"`);
        snippet.installLines.push(...commands);
      } else {
        if (snippet.files.has(role)) throw new Error(`${where}: snippet ${name} already has a file ${role}`);
        snippet.files.set(role, `${body.join("\n")}\n`);
      }
      snippets.set(name, snippet);
      index = end;
    }
  }
  return snippets;
}

/**
 * Turns an `npm install` line into npm's arguments, with each `@sightline/*` (and `sightline`) name,
 * with or without a version, replaced by the path of its packed tarball; everything else stays as written.
 */
export function mapInstallArguments(line, tarballs) {
  const words = line.split(/\s+/).slice(2);
  return words.map((word) => {
    const versionAt = word.indexOf("@", 1);
    const name = versionAt === -1 ? word : word.slice(0, versionAt);
    return tarballs.get(name) ?? word;
  });
}
