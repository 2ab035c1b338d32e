#!/usr/bin/env node
// Fails when a published package's build (dist/*.js, *.cjs, *.mjs) holds a character outside ASCII.
// V8 keeps every loaded module's source text for the life of the process, and one such character (a
// typographic apostrophe in a regular expression, an en dash in a comment the bundler kept) makes it
// hold the whole bundle at two bytes per character: core's main chunk took 226 KB of heap instead of
// 113 KB that way. Write the character as an escape (`\u2019`) in code, or as ASCII in comments.
// Run after the build.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const BUNDLE = /\.(js|cjs|mjs)$/;

function bundlesOf(directory) {
  const files = [];
  for (const name of readdirSync(directory)) {
    const file = path.join(directory, name);
    if (statSync(file).isDirectory()) files.push(...bundlesOf(file));
    else if (BUNDLE.test(name)) files.push(file);
  }
  return files;
}

const findings = [];
let checked = 0;
for (const name of readdirSync(path.join(root, "packages"))) {
  const packageDirectory = path.join(root, "packages", name);
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(path.join(packageDirectory, "package.json"), "utf8"));
  } catch {
    continue;
  }
  if (manifest.private) continue;
  const dist = path.join(packageDirectory, "dist");
  let files;
  try {
    files = bundlesOf(dist);
  } catch {
    findings.push(`${path.relative(root, dist)}: missing (build the packages first)`);
    continue;
  }
  for (const file of files) {
    checked++;
    const lines = readFileSync(file, "utf8").split("\n");
    lines.forEach((line, index) => {
      const match = /[\u0080-\uffff]/.exec(line);
      if (!match) return;
      const code = match[0].codePointAt(0)?.toString(16).padStart(4, "0");
      findings.push(
        `${path.relative(root, file)}:${index + 1}: "${match[0]}" (U+${code}) in: ${line.trim().slice(0, 100)}`,
      );
    });
  }
}

if (findings.length > 0) {
  console.error(
    `check-ascii-bundles: ${findings.length} line(s) outside ASCII in published builds. Write the character as an` +
      " escape (\\uXXXX) in code, or in ASCII in comments, in the source the line comes from:",
  );
  for (const finding of findings) console.error(`  ${finding}`);
  process.exit(1);
}
console.log(`check-ascii-bundles: ${checked} bundle files of the published packages are ASCII`);
