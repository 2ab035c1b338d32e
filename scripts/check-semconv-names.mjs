#!/usr/bin/env node
// Fails when @sightline/alerts, the CLI, @sightline/provenance or the docs use a telemetry name that
// @sightline/core/semconv does not export. Alerts, the CLI and provenance keep their own copies of the
// names (alerts has no run-time dependencies, the CLI shows spans from any emitter, provenance is a
// leaf), so nothing but this check notices when core renames an attribute or metric and a generated
// alert rule, the dev viewer or a docs page quietly stops matching.
//
// It reads every quoted or backticked token shaped like a telemetry name (`gen_ai.*`, `sightline.*`)
// in the shipped sources of those packages (tests excluded: they may use bogus names on purpose;
// comments included: TSDoc that names a dead attribute misleads just the same), in docs/*.md and in
// every package README, and checks it against the string values the built semconv entry exports.
// Run after the build (it loads core's dist).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
/** Source folders (shipped files only) and Markdown folders (their top-level `.md` files). */
const SCANNED_SOURCES = ["packages/alerts/src", "packages/cli/src", "packages/provenance/src"];
const SCANNED_DOCS = ["docs", ...readdirSync(path.join(root, "packages")).map((name) => `packages/${name}`)];
const NAME_PATTERN = /(["'`])((?:gen_ai|sightline)\.[A-Za-z0-9_.]*)\1/g;
/** Tokens shaped like names that are file names (`sightline.rules.yml`), not telemetry. */
const FILE_NAME = /\.(ya?ml|json|[cm]?[jt]s|md|txt|db)$/;

/**
 * Names other tools emit that alerts or the CLI read on purpose, with why. Each entry must be in use
 * and must not be exported by core (then it belongs to core, not here); both are checked.
 * Example entry: ["gen_ai.usage.prompt_tokens", "semconv before 1.27, still sent by older instrumentations"].
 */
const ALLOWED = new Map([]);

const requireFromCore = createRequire(path.join(root, "packages/core/package.json"));
let semconv;
try {
  // Resolved through core's package.json "exports", as a consumer would, not by a path into dist.
  semconv = await import(pathToFileURL(requireFromCore.resolve("@sightline/core/semconv")).href);
} catch (error) {
  console.error(
    `check-semconv-names: cannot load @sightline/core/semconv (build core first): ${error.message}`,
  );
  process.exit(1);
}
const exported = new Set(Object.values(semconv).filter((value) => typeof value === "string"));

/** Shipped source files under a folder (no tests, no fixtures). */
function listSources(folder) {
  return readdirSync(folder).flatMap((entry) => {
    const full = path.join(folder, entry);
    if (statSync(full).isDirectory()) return entry === "__fixtures__" ? [] : listSources(full);
    return /\.[cm]?[jt]sx?$/.test(entry) && !/\.(test|spec)\.[^.]+$/.test(entry) ? [full] : [];
  });
}

/**
 * Whether core exports the name; a token ending in `.` is a prefix and needs one exported name under it,
 * and a name under an exported prefix (a value ending in `.`, e.g. `sightline.builtin_tool_calls.`) counts.
 */
function isExported(name) {
  if (name.endsWith(".")) return [...exported].some((value) => value.startsWith(name));
  return exported.has(name) || [...exported].some((value) => value.endsWith(".") && name.startsWith(value));
}

const problems = [];
const used = new Map();
/** The top-level Markdown files of a folder (docs pages, a package's README). */
function listMarkdown(folder) {
  return readdirSync(folder)
    .filter((entry) => entry.endsWith(".md"))
    .map((entry) => path.join(folder, entry));
}

const files = [
  ...SCANNED_SOURCES.flatMap((folder) => listSources(path.join(root, folder))),
  ...SCANNED_DOCS.flatMap((folder) => listMarkdown(path.join(root, folder))),
];
for (const file of files) {
  const lines = readFileSync(file, "utf8").split("\n");
  lines.forEach((line, index) => {
    for (const match of line.matchAll(NAME_PATTERN)) {
      const name = match[2];
      if (FILE_NAME.test(name)) continue;
      const where = `${path.relative(root, file)}:${index + 1}`;
      if (!used.has(name)) used.set(name, where);
      if (!isExported(name) && !ALLOWED.has(name)) {
        problems.push(`${where} uses "${name}", which @sightline/core/semconv does not export`);
      }
    }
  });
}
for (const name of ALLOWED.keys()) {
  if (exported.has(name))
    problems.push(`allow-listed "${name}" is exported by core now: drop it from the allow-list`);
  if (!used.has(name)) problems.push(`allow-listed "${name}" is used nowhere: drop it from the allow-list`);
}

console.log(
  `check-semconv-names: ${used.size} distinct telemetry names in ${files.length} files ` +
    `(${SCANNED_SOURCES.join(", ")}, docs/*.md, packages/*/README.md), ` +
    `checked against ${exported.size} string values of @sightline/core/semconv (${ALLOWED.size} allow-listed)`,
);
if (problems.length > 0) {
  for (const problem of problems) console.error(`  ✖ ${problem}`);
  console.error(`check-semconv-names: ${problems.length} problem(s)`);
  process.exit(1);
}
console.log("check-semconv-names: ok");
