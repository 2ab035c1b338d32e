// Entry point of the scenario suite, run by Node, Bun or Deno inside a plain npm app that installed
// Sightline from its packed tarballs. Reads SCENARIO_MOCK_URLS (scenario name → mock server URL, JSON)
// and optionally SCENARIO_PROVIDERS (comma-separated); prints CHECK lines, then "SCENARIOS DONE".
import process from "node:process";
import { createSpanRecorder } from "./create-span-recorder.mjs";

const RUNNERS = {
  openai: async () => (await import("./openai-scenarios.mjs")).runOpenAIScenarios,
  anthropic: async () => (await import("./anthropic-scenarios.mjs")).runAnthropicScenarios,
  "google-genai": async () => (await import("./google-genai-scenarios.mjs")).runGoogleGenAIScenarios,
};

const mockUrls = JSON.parse(process.env.SCENARIO_MOCK_URLS ?? "{}");
const providers = (process.env.SCENARIO_PROVIDERS || Object.keys(RUNNERS).join(",")).split(",");
// Which runtime really runs this file (Bun and Deno report a Node version too), for the runner to confirm.
const runtime = globalThis.Bun
  ? `bun ${globalThis.Bun.version}`
  : globalThis.Deno
    ? `deno ${globalThis.Deno.version.deno}`
    : `node ${process.versions.node}`;
console.log(`RUNTIME ${runtime}`);
const recorder = createSpanRecorder();
for (const provider of providers) {
  // Imported one provider at a time, so an SDK that fails to load fails only its own scenarios.
  let run;
  try {
    run = await RUNNERS[provider]();
  } catch (error) {
    console.log(
      `CHECK fail ${provider} (load) :: the SDK and wrapper load (got ${String(error).slice(0, 400)})`,
    );
    continue;
  }
  await run({ mockUrls, recorder });
}
await recorder.shutdown();
console.log("SCENARIOS DONE");
// Keep-alive sockets and SDK timers must not hold the runtime open after the suite.
process.exit(0);
