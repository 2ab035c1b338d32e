// One overhead measurement in a fresh process (spawned by overhead.bench.mjs). "raw" is an agent run
// with the SDK's tracing on and no processor (the SDK's own span bookkeeping counts in both); "wrapped"
// adds createSightlineTracingProcessor(), every Sightline feature on. The SDK's default exporter is
// replaced in both, so nothing is sent to OpenAI.
import { Agent, OpenAIProvider, Runner, setTraceProcessors, setTracingDisabled } from "@openai/agents";
import { createSightlineMetricProducer } from "@sightline/core";
import { runOverheadCase } from "@sightline/testing/bench";
import OpenAI from "openai";
import { createSightlineTracingProcessor } from "../dist/index.js";

setTracingDisabled(false);
setTraceProcessors([]);

const agent = new Agent({ name: "Bench agent", instructions: "Answer in one line.", model: "gpt-4o-mini" });

await runOverheadCase({
  argv: process.argv.slice(2),
  createClient: ({ server, fetch }) =>
    new Runner({
      modelProvider: new OpenAIProvider({
        openAIClient: new OpenAI({
          apiKey: "bench",
          baseURL: server.openaiBaseURL,
          maxRetries: 0,
          ...(fetch ? { fetch } : {}),
        }),
      }),
    }),
  // As init() sets it up: Sightline aggregates its own metrics and the reader reads them.
  createMetricProducer: () => createSightlineMetricProducer(),
  observe: (runner, providers) => {
    setTraceProcessors([createSightlineTracingProcessor(providers)]);
    return runner;
  },
  cases: {
    run: (runner) => runner.run(agent, "Summarise the quarterly report in one line."),
  },
});
