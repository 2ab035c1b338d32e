// Sightline's per-call overhead against the raw cohere-ai client; see runOverheadBenchmark for the method.
import { fileURLToPath } from "node:url";
import { runOverheadBenchmark } from "@sightline/testing/bench";

runOverheadBenchmark({
  clientName: "cohere-ai",
  runnerPath: fileURLToPath(new URL("./run-case.mjs", import.meta.url)),
  quick: process.argv.includes("--quick"),
  inProcessOnly: process.argv.includes("--in-process"),
  plan: [
    { caseName: "chat", calls: 3000, unit: "call", perCall: 1 },
    { caseName: "embed", calls: 3000, unit: "call", perCall: 1 },
    { caseName: "rerank", calls: 3000, unit: "call", perCall: 1 },
    // message-start, content-start, 50 content-delta, content-end, message-end with usage
    { caseName: "stream", calls: 1000, unit: "chunk", perCall: 54 },
  ],
});
