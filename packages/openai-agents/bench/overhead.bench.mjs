// The tracing processor's overhead per agent run against the same run with the SDK's tracing on and
// no processor; see runOverheadBenchmark for the method.
import { fileURLToPath } from "node:url";
import { runOverheadBenchmark } from "@sightline/testing/bench";

const quick = process.argv.includes("--quick");

runOverheadBenchmark({
  clientName: "@openai/agents with createSightlineTracingProcessor() (one agent, one Responses call)",
  runnerPath: fileURLToPath(new URL("./run-case.mjs", import.meta.url)),
  quick,
  plan: [{ caseName: "run", calls: 2000, unit: "call", perCall: 1 }],
});
