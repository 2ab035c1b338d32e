// Sightline's per-call overhead against the raw @mistralai/mistralai client; see runOverheadBenchmark for the method.
import { fileURLToPath } from "node:url";
import { runOverheadBenchmark } from "@sightline/testing/bench";

runOverheadBenchmark({
  clientName: "@mistralai/mistralai",
  runnerPath: fileURLToPath(new URL("./run-case.mjs", import.meta.url)),
  quick: process.argv.includes("--quick"),
  inProcessOnly: process.argv.includes("--in-process"),
  plan: [
    { caseName: "chat", calls: 3000, unit: "call", perCall: 1 },
    { caseName: "embed", calls: 3000, unit: "call", perCall: 1 },
    // role chunk, 50 content deltas, the finish chunk with usage (then [DONE], which the client does not yield)
    { caseName: "stream", calls: 1000, unit: "chunk", perCall: 52 },
  ],
});
