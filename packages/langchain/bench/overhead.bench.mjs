// The callback handler's overhead per call and per stream chunk against the raw ChatOpenAI call;
// see runOverheadBenchmark for the method.
import { fileURLToPath } from "node:url";
import { runOverheadBenchmark } from "@sightline/testing/bench";

const quick = process.argv.includes("--quick");

runOverheadBenchmark({
  clientName: "@langchain/openai ChatOpenAI with SightlineCallbackHandler (per-call callbacks)",
  runnerPath: fileURLToPath(new URL("./run-case.mjs", import.meta.url)),
  quick,
  plan: [
    { caseName: "invoke", calls: 3000, unit: "call", perCall: 1 },
    // 50 content chunks + the role, finish and usage chunks
    { caseName: "stream", calls: 1000, unit: "chunk", perCall: 53 },
  ],
});

// The same cases with a no-op handler: LangChain's own cost of calling any handler.
runOverheadBenchmark({
  clientName: "@langchain/openai ChatOpenAI with a no-op BaseCallbackHandler (LangChain's own callback cost)",
  runnerPath: fileURLToPath(new URL("./run-noop-case.mjs", import.meta.url)),
  quick,
  plan: [
    { caseName: "invoke", calls: 3000, unit: "call", perCall: 1 },
    { caseName: "stream", calls: 1000, unit: "chunk", perCall: 53 },
  ],
});
