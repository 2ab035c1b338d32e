// Sightline's per-call overhead against the raw @anthropic-ai/sdk client (1.x, default options);
// see runOverheadBenchmark for the method.
import { fileURLToPath } from "node:url";
import { runOverheadBenchmark } from "@sightline/testing/bench";

runOverheadBenchmark({
  clientName: "@anthropic-ai/sdk",
  runnerPath: fileURLToPath(new URL("./run-case.mjs", import.meta.url)),
  quick: process.argv.includes("--quick"),
  inProcessOnly: process.argv.includes("--in-process"),
  plan: [
    { caseName: "chat", calls: 3000, unit: "call", perCall: 1 },
    { caseName: "count_tokens", calls: 3000, unit: "call", perCall: 1 },
    // 50 text deltas + message_start, block start/stop, message_delta, message_stop
    { caseName: "stream", calls: 1000, unit: "chunk", perCall: 55 },
  ],
});
