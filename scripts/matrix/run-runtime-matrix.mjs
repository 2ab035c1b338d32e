// The runtime matrix: the scenario suite (scenario-app/) from the packed tarballs in one plain npm app,
// run on the machine's Node, Node 22, Node 24, Bun and Deno. Prints one line per runtime with its pass
// count and writes test-results.runtimes.json for the closing line. Expects the workspace to be built.
//
//   node scripts/matrix/run-runtime-matrix.mjs
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { packPackages } from "../pack-packages.mjs";
import { getRuntime } from "./get-runtime.mjs";
import { installScenarioApp, WORKSPACE_SDK_VERSIONS } from "./install-scenario-app.mjs";
import { runScenarioApp } from "./run-scenario-app.mjs";
import { formatPassCount, writeMatrixResults } from "./write-matrix-results.mjs";

const root = fileURLToPath(new URL("../..", import.meta.url));
/**
 * Runtime kind and version: the machine's own Node (the oldest line the library packages declare, 20.19+),
 * then Node 22 and 24 as scripts/test-other-node-versions.sh pins them (so the binaries are shared), Bun
 * and Deno.
 */
export const RUNTIMES = [
  ["node", process.versions.node],
  ["node", "22.23.5"],
  ["node", "24.22.3"],
  ["bun", "1.4.5"],
  ["deno", "2.9.6"],
];
const PROVIDERS = Object.keys(WORKSPACE_SDK_VERSIONS);

const work = join(root, ".cache", "matrix");
const tarballs = packPackages(join(work, "tarballs"));
const app = join(work, "runtime-app");
const installed = installScenarioApp({ directory: app, tarballs, sdkVersions: WORKSPACE_SDK_VERSIONS });
console.log(
  `› runtime matrix, SDKs: ${Object.entries(installed)
    .map(([name, version]) => `${name} ${version}`)
    .join(", ")}`,
);
const rows = [];
for (const [kind, version] of RUNTIMES) {
  const runtime = getRuntime(kind, version);
  const started = Date.now();
  const scenarios = await runScenarioApp({ app, runtime, providers: PROVIDERS });
  rows.push({ label: runtime.label, scenarios });
  console.log(
    `  ${runtime.label.padEnd(14)} ${formatPassCount(scenarios)} scenarios passed (${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
}
const { passed, failed } = writeMatrixResults(
  join(root, "scripts", "matrix", "test-results.runtimes.json"),
  rows,
);
console.log(`runtime matrix: ${passed} passed, ${failed} failed`);
if (failed > 0) process.exitCode = 1;
