// Sightline's per-call overhead against the raw openai client; see runOverheadBenchmark for the method.
import { fileURLToPath } from "node:url";
import { runOverheadBenchmark } from "@sightline/testing/bench";

runOverheadBenchmark({
  clientName: "openai",
  runnerPath: fileURLToPath(new URL("./run-case.mjs", import.meta.url)),
  quick: process.argv.includes("--quick"),
  inProcessOnly: process.argv.includes("--in-process"),
  plan: [
    { caseName: "chat", calls: 3000, unit: "call", perCall: 1 },
    { caseName: "embeddings", calls: 3000, unit: "call", perCall: 1 },
    // 50 content chunks + the role, finish and usage chunks
    { caseName: "stream", calls: 1000, unit: "chunk", perCall: 53 },
  ],
});
