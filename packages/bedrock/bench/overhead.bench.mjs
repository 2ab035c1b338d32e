// Sightline's per-call overhead against the raw Bedrock runtime client; see runOverheadBenchmark for the method.
import { fileURLToPath } from "node:url";
import { runOverheadBenchmark } from "@sightline/testing/bench";

runOverheadBenchmark({
  clientName: "@aws-sdk/client-bedrock-runtime",
  runnerPath: fileURLToPath(new URL("./run-case.mjs", import.meta.url)),
  quick: process.argv.includes("--quick"),
  inProcessOnly: process.argv.includes("--in-process"),
  plan: [
    { caseName: "converse", calls: 2000, unit: "call", perCall: 1 },
    // messageStart, 50 text deltas, contentBlockStop, messageStop, metadata
    { caseName: "converse-stream", calls: 500, unit: "chunk", perCall: 54 },
  ],
});
