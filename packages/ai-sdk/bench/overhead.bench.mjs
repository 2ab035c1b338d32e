// The integration's overhead per call and per stream chunk against the raw AI SDK call; see
// runOverheadBenchmark for the method.
import { fileURLToPath } from "node:url";
import { runOverheadBenchmark } from "@sightline/testing/bench";

runOverheadBenchmark({
  clientName: "ai (generateText / streamText, @ai-sdk/openai chat model)",
  runnerPath: fileURLToPath(new URL("./run-case.mjs", import.meta.url)),
  quick: process.argv.includes("--quick"),
  plan: [
    { caseName: "generateText", calls: 3000, unit: "call", perCall: 1 },
    { caseName: "embed", calls: 3000, unit: "call", perCall: 1 },
    // 50 content chunks + the role, finish and usage chunks
    { caseName: "streamText", calls: 1000, unit: "chunk", perCall: 53 },
  ],
});
