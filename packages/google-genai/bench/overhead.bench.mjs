// Sightline's per-call overhead against the raw @google/genai client; see runOverheadBenchmark for the method.
import { fileURLToPath } from "node:url";
import { runOverheadBenchmark } from "@sightline/testing/bench";

runOverheadBenchmark({
  clientName: "@google/genai",
  runnerPath: fileURLToPath(new URL("./run-case.mjs", import.meta.url)),
  quick: process.argv.includes("--quick"),
  inProcessOnly: process.argv.includes("--in-process"),
  plan: [
    { caseName: "generate", calls: 3000, unit: "call", perCall: 1 },
    { caseName: "embeddings", calls: 3000, unit: "call", perCall: 1 },
    // 50 text chunks + the finishing chunk with usage
    { caseName: "stream", calls: 1000, unit: "chunk", perCall: 51 },
  ],
});
