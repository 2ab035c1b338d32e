#!/usr/bin/env node
// Prepares a release: every published package (packages/* not private) moves to one version, in step,
// so a user never has to work out which @sightline/* versions go together. It
// - refuses to start when the working tree is dirty (the release commit holds the bump and nothing else);
// - writes `version` in each published package.json and PACKAGE_VERSION in each src/version.ts (the
//   instrumentation scope version spans carry);
// - updates ranges on workspace packages that are not `workspace:` ranges (pnpm rewrites those to the
//   exact version at publish time) to the new version, in every workspace package.json;
// - runs sync-package-metadata.mjs --check, then commits "release: v<version>" and tags v<version>
//   unless --no-commit is given.
// Publishing itself is CI's job (docs/publishing.md): pnpm publish -r --provenance --access public.
//
//   node scripts/release.mjs <version> [--no-commit]     # e.g. 0.2.0, 1.0.0-rc.1
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const SEMVER = /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/;
const git = (...args) => execFileSync("git", args, { cwd: root, encoding: "utf8" });

/** Stops with a message and exit code 1. */
function refuse(message) {
  console.error(`release: ${message}`);
  process.exit(1);
}

const version = process.argv[2];
const commit = !process.argv.includes("--no-commit");
if (!version || !SEMVER.test(version)) refuse("usage: node scripts/release.mjs <version> [--no-commit]");
const dirty = git("status", "--porcelain");
if (dirty.trim() !== "") refuse(`the working tree is not clean; commit or stash first:\n${dirty}`);
if (commit && git("tag", "--list", `v${version}`).trim() !== "") refuse(`tag v${version} already exists`);

/** Every workspace package.json (packages/* and examples/*), with its folder and parsed manifest. */
const workspace = ["packages", "examples"].flatMap((folder) =>
  existsSync(join(root, folder))
    ? readdirSync(join(root, folder))
        .map((name) => join(root, folder, name))
        .filter((directory) => existsSync(join(directory, "package.json")))
        .map((directory) => ({
          directory,
          file: join(directory, "package.json"),
          manifest: JSON.parse(readFileSync(join(directory, "package.json"), "utf8")),
        }))
    : [],
);
const published = workspace.filter(
  (entry) => entry.directory.includes("/packages/") && !entry.manifest.private,
);
const publishedNames = new Set(published.map((entry) => entry.manifest.name));
const current = new Set(published.map((entry) => entry.manifest.version));
if (current.size !== 1)
  console.warn(`release: packages were on ${[...current].join(", ")}; all move to ${version}`);

const changed = [];
for (const entry of workspace) {
  const manifest = entry.manifest;
  let edited = false;
  if (publishedNames.has(manifest.name) && manifest.version !== version) {
    manifest.version = version;
    edited = true;
  }
  for (const field of ["dependencies", "devDependencies", "peerDependencies", "optionalDependencies"]) {
    for (const [name, range] of Object.entries(manifest[field] ?? {})) {
      if (!publishedNames.has(name) || range.startsWith("workspace:")) continue;
      // Keep the range's operator (^, ~, >=) and move its version.
      const operator = /^[\^~]|^>=\s*/.exec(range)?.[0] ?? "";
      manifest[field][name] = `${operator}${version}`;
      edited = true;
    }
  }
  if (edited) {
    writeFileSync(entry.file, `${JSON.stringify(manifest, null, 2)}\n`);
    changed.push(entry.file);
  }
  const versionFile = join(entry.directory, "src", "version.ts");
  if (publishedNames.has(manifest.name) && existsSync(versionFile)) {
    const text = readFileSync(versionFile, "utf8");
    const updated = text.replace(/(PACKAGE_VERSION\s*=\s*")[^"]*(")/, `$1${version}$2`);
    if (updated !== text) {
      writeFileSync(versionFile, updated);
      changed.push(versionFile);
    }
  }
}

// The files were written with JSON.stringify's layout; the repository's formatter gives them its own.
execFileSync(join(root, "node_modules", ".bin", "biome"), ["format", "--write", ...changed], {
  cwd: root,
  stdio: "ignore",
});
execFileSync(process.execPath, [join(root, "scripts", "sync-package-metadata.mjs"), "--check"], {
  cwd: root,
  stdio: "inherit",
});
console.log(`release: ${published.length} packages at ${version}; ${changed.length} files changed`);
if (commit) {
  git("add", "--", ...changed);
  git("commit", "--quiet", "-m", `release: v${version}`);
  git("tag", `v${version}`);
  console.log(`release: committed and tagged v${version}; push the commit and the tag to publish from CI`);
} else {
  console.log("release: not committed (--no-commit); review with git diff");
}
