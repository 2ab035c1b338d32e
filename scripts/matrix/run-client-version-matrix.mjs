// The client-version matrix: the scenario suite on Node 22 with the oldest and newest supported version
// line of each provider SDK. Entries are grouped into as few npm apps as possible (one version of each
// SDK per app), so each version is installed once. Prints one line per SDK version with its pass count
// and writes test-results.client-versions.json for the closing line. Expects the workspace to be built.
//
//   node scripts/matrix/run-client-version-matrix.mjs                       # the matrix below
//   node scripts/matrix/run-client-version-matrix.mjs openai@5.0.0 ...      # other versions, no report
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { packPackages } from "../pack-packages.mjs";
import { getRuntime } from "./get-runtime.mjs";
import { installScenarioApp } from "./install-scenario-app.mjs";
import { runScenarioApp } from "./run-scenario-app.mjs";
import { formatPassCount, writeMatrixResults } from "./write-matrix-results.mjs";

const root = fileURLToPath(new URL("../..", import.meta.url));
const NODE_VERSION = "22.23.5";
/**
 * Provider → npm version specs: the oldest version each package.json's peer range declares, and the
 * latest of each newer major (openai's three majors all stay tested).
 */
const CLIENT_VERSIONS = {
  openai: ["5", "6", "7"],
  anthropic: ["~0.30.0", "1"],
  "google-genai": ["1.0.0", "3"],
};

const requested = process.argv.slice(2).map((argument) => {
  const at = argument.lastIndexOf("@");
  return { provider: argument.slice(0, at), spec: argument.slice(at + 1) };
});
const entries =
  requested.length > 0
    ? requested
    : Object.entries(CLIENT_VERSIONS).flatMap(([provider, specs]) =>
        specs.map((spec) => ({ provider, spec })),
      );

/** Groups entries into apps: the n-th app takes the n-th spec of each provider. */
function groupIntoApps(list) {
  const apps = [];
  const seen = {};
  for (const { provider, spec } of list) {
    const index = seen[provider] ?? 0;
    seen[provider] = index + 1;
    apps[index] ??= {};
    apps[index][provider] = spec;
  }
  return apps;
}

const work = join(root, ".cache", "matrix");
const tarballs = packPackages(join(work, "tarballs"));
const runtime = getRuntime("node", NODE_VERSION);
console.log(`› client-version matrix on ${runtime.label}`);
const rows = [];
for (const [index, sdkVersions] of groupIntoApps(entries).entries()) {
  const app = join(work, `client-app-${index}`);
  const installed = installScenarioApp({ directory: app, tarballs, sdkVersions });
  const scenarios = await runScenarioApp({ app, runtime, providers: Object.keys(sdkVersions) });
  for (const [provider, version] of Object.entries(installed)) {
    const own = scenarios.filter((scenario) => scenario.name.startsWith(`${provider} `));
    const label = `${provider} ${version}`;
    rows.push({ label, scenarios: own });
    console.log(`  ${label.padEnd(24)} ${formatPassCount(own)} scenarios passed`);
  }
}
// Versions asked for on the command line are a look, not the matrix: they write no report.
const report =
  requested.length > 0 ? undefined : join(root, "scripts", "matrix", "test-results.client-versions.json");
const { passed, failed } = writeMatrixResults(report, rows);
console.log(`client-version matrix: ${passed} passed, ${failed} failed`);
if (failed > 0) process.exitCode = 1;
