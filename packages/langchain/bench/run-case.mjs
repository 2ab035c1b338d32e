// One overhead measurement in a fresh process (spawned by overhead.bench.mjs). "raw" is ChatOpenAI
// with no handler; "wrapped" passes one SightlineCallbackHandler per call, every Sightline feature on.
import { ChatOpenAI } from "@langchain/openai";
import { createSightlineMetricProducer } from "@sightline/core";
import { runOverheadCase } from "@sightline/testing/bench";
import { SightlineCallbackHandler } from "../dist/index.js";

const prompt = "Summarise the quarterly report in one line.";

await runOverheadCase({
  argv: process.argv.slice(2),
  createClient: ({ server, fetch }) => ({
    model: new ChatOpenAI({
      model: "gpt-4o-mini",
      apiKey: "bench",
      maxRetries: 0,
      configuration: { baseURL: server.openaiBaseURL, ...(fetch ? { fetch } : {}) },
    }),
    callbacks: undefined,
  }),
  // As init() sets it up: Sightline aggregates its own metrics and the reader reads them.
  createMetricProducer: () => createSightlineMetricProducer(),
  observe: (client, providers) => ({ ...client, callbacks: [new SightlineCallbackHandler(providers)] }),
  cases: {
    invoke: (client) => client.model.invoke(prompt, { callbacks: client.callbacks }),
    stream: async (client) => {
      const stream = await client.model.stream(prompt, { callbacks: client.callbacks });
      for await (const _chunk of stream) {
        // read every chunk, as an app would
      }
    },
  },
});
