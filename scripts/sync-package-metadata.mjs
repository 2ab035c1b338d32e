#!/usr/bin/env node
// Keeps the registry-facing metadata of every published package (packages/* not private) derived from
// one value: the root package.json `repository`. No git remote is known yet, so that value is written
// once, at the root, and confirmed before the first publish (docs/publishing.md); this script spreads it.
//
// For each published package it writes:
// - `repository` {type, url, directory: "packages/<dir>"}, `homepage` (the package's folder on the
//   repository's web page) and `bugs` (its issues page), all built from the root value;
// - LICENSE, a copy of the root LICENSE, so the tarball carries the licence text (npm shows it);
// - README.md links: relative links that leave the package (`../../docs/…`, `../otlp/…`) become absolute
//   URLs on the repository, since relative links break on the registry's page; links built from an
//   earlier repository value are moved to the current one.
// and it checks what it cannot write: `keywords` present, `license` Apache-2.0, `sideEffects` false,
// `files` listing LICENSE and README.md, a README with "## Install" and "## Usage" sections.
//
//   node scripts/sync-package-metadata.mjs           # writes the derived fields and files
//   node scripts/sync-package-metadata.mjs --check   # writes nothing; exits 1 when anything drifted (CI)
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const checkOnly = process.argv.includes("--check");
const DEFAULT_BRANCH = "main";

/** `git+https://github.com/owner/name.git` → `https://github.com/owner/name` (the web page). */
function webAddress(repositoryUrl) {
  return repositoryUrl.replace(/^git\+/, "").replace(/\.git$/, "");
}

const rootManifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const repositoryUrl = rootManifest.repository?.url;
if (!repositoryUrl) {
  console.error("root package.json has no repository.url: it is the one value this script spreads");
  process.exit(1);
}
const web = webAddress(repositoryUrl);
const rootLicense = readFileSync(join(root, "LICENSE"), "utf8");
const problems = [];
const written = [];

/** The package.json with the derived fields set, keys in a stable order after `license`. */
function withDerivedFields(manifest, directory) {
  const derived = {
    repository: { type: "git", url: repositoryUrl, directory: `packages/${directory}` },
    homepage: `${web}/tree/${DEFAULT_BRANCH}/packages/${directory}#readme`,
    bugs: { url: `${web}/issues` },
  };
  const result = {};
  for (const [key, value] of Object.entries(manifest)) {
    if (key in derived) continue;
    result[key] = value;
    if (key === "license") Object.assign(result, derived);
  }
  if (!("license" in manifest)) Object.assign(result, derived);
  return result;
}

/**
 * README links that leave the package become absolute: `../../docs/x.md` → `<web>/blob/main/docs/x.md`,
 * `../otlp/README.md` → `<web>/blob/main/packages/otlp/README.md`. Links on an earlier repository value
 * (the one still in the package's manifest) move to the current one.
 */
function withAbsoluteLinks(readme, previousWeb) {
  let text = readme;
  if (previousWeb && previousWeb !== web) text = text.split(`${previousWeb}/`).join(`${web}/`);
  return text
    .replace(/\]\(\.\.\/\.\.\/([^)\s]+)\)/g, (_, target) => `](${web}/blob/${DEFAULT_BRANCH}/${target})`)
    .replace(/\]\(\.\.\/([^)\s]+)\)/g, (_, target) => `](${web}/blob/${DEFAULT_BRANCH}/packages/${target})`);
}

/** Writes `content` to `file` when it differs; under --check records the drift instead. */
function update(file, content, what) {
  const current = existsSync(file) ? readFileSync(file, "utf8") : undefined;
  if (current === content) return;
  if (checkOnly)
    problems.push(`${file.slice(root.length)}: ${what} (run node scripts/sync-package-metadata.mjs)`);
  else {
    writeFileSync(file, content);
    written.push(file.slice(root.length));
  }
}

let published = 0;
for (const directory of readdirSync(join(root, "packages")).sort()) {
  const folder = join(root, "packages", directory);
  const manifestPath = join(folder, "package.json");
  if (!existsSync(manifestPath)) continue;
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
  if (manifest.private) continue;
  published += 1;
  const label = manifest.name;
  const previousWeb = manifest.repository?.url ? webAddress(manifest.repository.url) : undefined;

  const synced = withDerivedFields(manifest, directory);
  // Compared as data, so the formatter's layout of the file is not drift.
  if (JSON.stringify(synced) !== JSON.stringify(manifest)) {
    update(
      manifestPath,
      `${JSON.stringify(synced, null, 2)}\n`,
      "repository, homepage or bugs differ from the root",
    );
  }
  update(join(folder, "LICENSE"), rootLicense, "LICENSE differs from the root LICENSE");

  const readmePath = join(folder, "README.md");
  if (!existsSync(readmePath)) {
    problems.push(`${label}: no README.md`);
  } else {
    const readme = readFileSync(readmePath, "utf8");
    update(readmePath, withAbsoluteLinks(readme, previousWeb), "README links that break on the registry");
    for (const section of ["## Install", "## Usage"]) {
      if (!readme.split("\n").some((line) => line.startsWith(section)))
        problems.push(`${label}: README.md has no "${section}" section`);
    }
  }

  if (!Array.isArray(manifest.keywords) || manifest.keywords.length === 0)
    problems.push(`${label}: no keywords`);
  if (manifest.license !== "Apache-2.0") problems.push(`${label}: license is not Apache-2.0`);
  if (manifest.sideEffects !== false) problems.push(`${label}: sideEffects is not false`);
  for (const file of ["dist", "LICENSE", "README.md"]) {
    if (!manifest.files?.includes(file)) problems.push(`${label}: "files" does not list ${file}`);
  }
}

for (const file of written) console.log(`wrote ${file}`);
for (const problem of problems) console.error(`✗ ${problem}`);
console.log(
  `package metadata: ${published} published packages, repository ${repositoryUrl}, ${problems.length} problem(s)`,
);
if (problems.length > 0) process.exit(1);
