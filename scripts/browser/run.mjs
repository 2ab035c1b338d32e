// The browser suite: sightline dev's web UI checked in a real headless Chromium (playwright-core driving the
// system's browser, no Playwright download). Finds Chromium at SIGHTLINE_CHROMIUM, on PATH or at /usr/bin/chromium; where it is
// missing and this is root with apt-get (CI), installs Debian's package (about 25 s) and prints the time;
// otherwise prints one skip line and exits 0. Runs packages/cli/e2e/*.test.ts on Node 22 (the UI's store
// needs node:sqlite, Node 22.13+) with SIGHTLINE_CHROMIUM set, prints "browser tests: N passed, N failed",
// and writes scripts/browser/test-results.json for the closing line. Needs the workspace build.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { delimiter, join } from "node:path";
import { environmentFor, getNodeBinary } from "../get-node-binary.mjs";
import { secondsSince, writeSuiteResults } from "../write-suite-results.mjs";

/** The Node the suite runs on: a 22.x with node:sqlite unflagged, the same one the doc snippets use. */
const NODE_22_VERSION = "22.23.5";

const root = new URL("../..", import.meta.url).pathname;
const resultsPath = join(root, "scripts", "browser", "test-results.json");
const started = Date.now();
const seconds = secondsSince;

const writeResults = (counts) => writeSuiteResults(resultsPath, counts);

/** SIGHTLINE_CHROMIUM (a Chrome or Chromium of your own), `chromium` on PATH, else Debian's /usr/bin/chromium. */
function findChromium() {
  const chosen = process.env.SIGHTLINE_CHROMIUM;
  if (chosen && existsSync(chosen)) return chosen;
  const onPath = (process.env.PATH ?? "")
    .split(delimiter)
    .filter(Boolean)
    .map((folder) => join(folder, "chromium"));
  return [...onPath, "/usr/bin/chromium"].find((candidate) => existsSync(candidate));
}

let chromium = findChromium();
if (!chromium) {
  const canInstall =
    process.getuid?.() === 0 && spawnSync("apt-get", ["--version"], { stdio: "ignore" }).status === 0;
  if (!canInstall) {
    console.log(
      "› browser tests skipped: Chromium is not installed and cannot be installed here (not root with apt-get); install the chromium package to run them",
    );
    writeResults({ numPendingTests: 1 });
    process.exit(0);
  }
  const installStarted = Date.now();
  console.log("› installing Chromium (Debian package chromium; about 25 s)");
  const environment = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  // A fresh machine has no package lists yet; the install alone would find no chromium.
  const update = spawnSync("apt-get", ["update", "-qq"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: environment,
  });
  const install =
    update.status === 0
      ? spawnSync("apt-get", ["install", "-y", "-qq", "chromium"], {
          stdio: ["ignore", "ignore", "inherit"],
          env: environment,
        })
      : update;
  chromium = findChromium();
  if (install.status !== 0 || !chromium) {
    console.log(
      `✗ installing Chromium failed (apt-get exit ${install.status}) after ${seconds(installStarted)}`,
    );
    writeResults({ numFailedTests: 1 });
    process.exit(1);
  }
  console.log(`› Chromium installed in ${seconds(installStarted)}`);
}
const version = spawnSync(chromium, ["--version"], { encoding: "utf8" }).stdout?.trim() || "version unknown";
console.log(`› ${version} at ${chromium}`);

const node = getNodeBinary(NODE_22_VERSION);
const tests = spawn(
  node,
  [
    join(root, "node_modules", "vitest", "vitest.mjs"),
    "run",
    "--config",
    "vitest.browser.config.ts",
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${resultsPath}`,
  ],
  {
    cwd: join(root, "packages", "cli"),
    stdio: "inherit",
    env: { ...environmentFor(node), SIGHTLINE_CHROMIUM: chromium },
  },
);
// An interrupted run stops vitest (and so the browsers it launched) rather than leaving them behind.
for (const signal of ["SIGINT", "SIGTERM"]) process.once(signal, () => tests.kill(signal));
const status = await new Promise((resolve) => tests.on("exit", (code) => resolve(code ?? 1)));

if (!existsSync(resultsPath)) {
  console.log(`✗ the browser tests wrote no report (vitest exit ${status})`);
  writeResults({ numFailedTests: 1 });
  process.exit(1);
}
const report = JSON.parse(readFileSync(resultsPath, "utf8"));
console.log(
  `browser tests: ${report.numPassedTests ?? 0} passed, ${report.numFailedTests ?? 0} failed (Node ${NODE_22_VERSION})`,
);
console.log(`  ⏱ browser suite: ${seconds(started)}`);
process.exit(status);
