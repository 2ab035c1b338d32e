// Runs the installed scenario suite once on one runtime: starts one mock LLM server per scenario (the
// workspace's own @sightline/testing build, in this Node process), runs run-scenarios.mjs in the app with
// the runtime, and turns its CHECK lines into one result per scenario.
import { spawn } from "node:child_process";
import { startMockLLMServer } from "../../packages/testing/dist/index.js";
import { MOCK_SCRIPTS, providerOf } from "./scenario-app/mock-scripts.mjs";

const RUN_TIMEOUT_MS = 120_000;

/**
 * Runs the scenarios of `providers` in `app` with `runtime` (from get-runtime.mjs). Resolves with one
 * `{ name, passed, checks, failures }` per scenario; a scenario that printed no check failed.
 */
export async function runScenarioApp({ app, runtime, providers }) {
  const names = Object.keys(MOCK_SCRIPTS).filter((name) => providers.includes(providerOf(name)));
  const servers = await Promise.all(names.map(() => startMockLLMServer()));
  const mockUrls = {};
  names.forEach((name, index) => {
    servers[index].enqueue(...MOCK_SCRIPTS[name]);
    mockUrls[name] = servers[index].url;
  });
  try {
    const output = await runProcess(runtime, app, {
      SCENARIO_MOCK_URLS: JSON.stringify(mockUrls),
      SCENARIO_PROVIDERS: providers.join(","),
    });
    // A wrapper script that quietly ran another runtime would make the matrix meaningless.
    const seen = /^RUNTIME (.+)$/m.exec(output.stdout)?.[1];
    return names.map((name) => {
      const scenario = summarizeScenario(name, output);
      if (seen === runtime.label) return scenario;
      return {
        ...scenario,
        passed: false,
        failures: [...scenario.failures, `ran on ${seen}, not ${runtime.label}`],
      };
    });
  } finally {
    await Promise.all(servers.map((server) => server.close()));
  }
}

function summarizeScenario(name, output) {
  const lines = output.stdout.split("\n").filter((line) => line.startsWith(`CHECK `));
  const own = lines.filter((line) => line.slice("CHECK pass ".length).startsWith(`${name} :: `));
  const loadFailure = lines.find((line) => line.includes(`${providerOf(name)} (load) :: `));
  const failures = own.filter((line) => line.startsWith("CHECK fail "));
  if (own.length === 0) {
    failures.push(
      loadFailure ?? `no check ran (${output.exit}): ${output.stderr.slice(-600).replaceAll("\n", " | ")}`,
    );
  } else if (!output.done) {
    failures.push(`the suite did not finish (${output.exit})`);
  }
  return { name, passed: failures.length === 0, checks: own.length, failures };
}

function runProcess(runtime, cwd, env) {
  return new Promise((resolve) => {
    const child = spawn(runtime.command, [...runtime.arguments, "run-scenarios.mjs"], {
      cwd,
      env: { ...process.env, ...env, NODE_OPTIONS: "", OTEL_SDK_DISABLED: "" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    const timer = setTimeout(() => child.kill("SIGKILL"), RUN_TIMEOUT_MS);
    child.stdout.on("data", (data) => {
      stdout += data;
    });
    child.stderr.on("data", (data) => {
      stderr += data;
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ stdout, stderr, exit: code ?? signal, done: stdout.includes("SCENARIOS DONE") });
    });
  });
}
