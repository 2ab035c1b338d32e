// Sightline's per-call overhead against the raw ollama client; see runOverheadBenchmark for the method.
import { fileURLToPath } from "node:url";
import { runOverheadBenchmark } from "@sightline/testing/bench";

runOverheadBenchmark({
  clientName: "ollama",
  runnerPath: fileURLToPath(new URL("./run-case.mjs", import.meta.url)),
  quick: process.argv.includes("--quick"),
  inProcessOnly: process.argv.includes("--in-process"),
  plan: [
    { caseName: "chat", calls: 3000, unit: "call", perCall: 1 },
    { caseName: "embed", calls: 3000, unit: "call", perCall: 1 },
    // 50 NDJSON message parts, then the final part with done, done_reason and the counts
    { caseName: "stream", calls: 1000, unit: "chunk", perCall: 51 },
  ],
});
