// One plain npm app, installed the way a user installs Sightline: a package.json with the packed
// tarballs (and any third-party packages beside them), `.npmrc` with `engine-strict=true`, and
// `npm install` run by the Node binary under test, since npm checks `engines` against the Node that
// runs it. Reports what a user would see (every npm warning or error) and what was installed.
import { execFile } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { environmentFor, getNpmCliPath } from "../get-node-binary.mjs";

const run = promisify(execFile);
/** npm's own lines that mean something went wrong or needs a user's attention. */
const NPM_COMPLAINT = /^npm (warn|WARN|ERR!|error)\b.*$/gm;

/**
 * Installs `dependencies` (name → range or `file:` tarball) into a fresh app at `directory` with npm run by
 * `nodeBinary`; resolves with { ms, complaints (npm warn/error lines), failed, output, packageCount,
 * otelCopies (name → versions found by `npm ls --all --json`), lsProblems }.
 */
export async function installNpmApp({ directory, dependencies, nodeBinary, npmCache }) {
  rmSync(directory, { recursive: true, force: true });
  mkdirSync(directory, { recursive: true });
  writeFileSync(
    join(directory, "package.json"),
    `${JSON.stringify({ name: "install-check-app", private: true, type: "module", dependencies }, null, 2)}\n`,
  );
  writeFileSync(join(directory, ".npmrc"), "engine-strict=true\n");
  const npm = [getNpmCliPath()];
  const options = {
    cwd: directory,
    env: { ...environmentFor(nodeBinary), npm_config_cache: npmCache, npm_config_update_notifier: "false" },
    maxBuffer: 64 * 1024 * 1024,
  };
  const started = Date.now();
  let output = "";
  let failed = false;
  try {
    // --prefer-offline: the shared cache answers for metadata it already holds, which keeps the stage
    // short; a version not yet in the cache is still fetched from the registry.
    const result = await run(
      nodeBinary,
      [...npm, "install", "--no-fund", "--no-audit", "--prefer-offline"],
      options,
    );
    output = `${result.stdout}${result.stderr}`;
  } catch (error) {
    failed = true;
    output = `${error.stdout ?? ""}${error.stderr ?? error.message}`;
  }
  const ms = Date.now() - started;
  const complaints = output.match(NPM_COMPLAINT) ?? [];
  if (failed)
    return { ms, failed, complaints, output, packageCount: 0, otelCopies: new Map(), lsProblems: [] };

  // What got installed, from npm's own lockfile: every folder under node_modules is one package.
  const lockfile = JSON.parse(readFileSync(join(directory, "package-lock.json"), "utf8"));
  const packageCount = Object.keys(lockfile.packages).filter((path) =>
    path.startsWith("node_modules/"),
  ).length;

  let tree;
  let lsProblems = [];
  try {
    const { stdout } = await run(nodeBinary, [...npm, "ls", "--all", "--json"], options);
    tree = JSON.parse(stdout);
  } catch (error) {
    // npm ls exits 1 on an invalid or missing dependency; the tree and its "problems" are still printed.
    tree = JSON.parse(error.stdout || "{}");
    lsProblems = tree.problems ?? [error.message];
  }
  return { ms, failed, complaints, output, packageCount, otelCopies: collectOtelCopies(tree), lsProblems };
}

/** Walks an `npm ls --all --json` tree; returns a Map from each @opentelemetry/* name to the versions found. */
function collectOtelCopies(tree) {
  const copies = new Map();
  const visit = (dependencies) => {
    for (const [name, node] of Object.entries(dependencies ?? {})) {
      if (name.startsWith("@opentelemetry/") && node.version) {
        copies.set(name, new Set([...(copies.get(name) ?? []), node.version]));
      }
      visit(node.dependencies);
    }
  };
  visit(tree?.dependencies);
  return new Map([...copies].map(([name, versions]) => [name, [...versions].sort()]));
}

/**
 * The `file:` dependencies an app needs to install `name` from tarballs: its own tarball and, following
 * `dependencies` and `peerDependencies`, every workspace package it reaches (they are not on the registry).
 */
export function tarballDependencies(name, { tarballs, manifests }) {
  const result = {};
  const pending = [name];
  while (pending.length > 0) {
    const next = pending.pop();
    if (result[next] || !tarballs.has(next)) continue;
    result[next] = `file:${tarballs.get(next)}`;
    const manifest = manifests.get(next);
    // Optional peers (the CLI's @sightline/node, used by `sightline eval` only) are not installed by npm
    // for a user either, so the app leaves them out too.
    const optional = manifest.peerDependenciesMeta ?? {};
    const peers = Object.keys(manifest.peerDependencies ?? {}).filter((peer) => !optional[peer]?.optional);
    pending.push(...Object.keys(manifest.dependencies ?? {}), ...peers);
  }
  return result;
}
