// The integration's and the middleware's overhead per call and per stream chunk against the raw AI
// SDK call; see runOverheadBenchmark for the method.
import { fileURLToPath } from "node:url";
import { runOverheadBenchmark } from "@sightline/testing/bench";

const quick = process.argv.includes("--quick");

runOverheadBenchmark({
  clientName: "ai with sightlineTelemetry() (generateText / streamText, @ai-sdk/openai chat model)",
  runnerPath: fileURLToPath(new URL("./run-case.mjs", import.meta.url)),
  quick,
  plan: [
    { caseName: "generateText", calls: 3000, unit: "call", perCall: 1 },
    { caseName: "embed", calls: 3000, unit: "call", perCall: 1 },
    // 50 content chunks + the role, finish and usage chunks
    { caseName: "streamText", calls: 1000, unit: "chunk", perCall: 53 },
  ],
});

runOverheadBenchmark({
  clientName: "ai with models wrapped by sightlineMiddleware() / sightlineEmbeddingMiddleware()",
  runnerPath: fileURLToPath(new URL("./run-middleware-case.mjs", import.meta.url)),
  quick,
  plan: [
    { caseName: "generateText", calls: 3000, unit: "call", perCall: 1 },
    { caseName: "embed", calls: 3000, unit: "call", perCall: 1 },
    { caseName: "streamText", calls: 1000, unit: "chunk", perCall: 53 },
  ],
});
