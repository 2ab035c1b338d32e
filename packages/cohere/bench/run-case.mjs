// One overhead measurement in a fresh process (spawned by overhead.bench.mjs).
import { createSightlineMetricProducer } from "@sightline/core";
import { runOverheadCase } from "@sightline/testing/bench";
import { CohereClientV2 } from "cohere-ai";
import { observeCohere } from "../dist/index.js";

const model = "command-a-03-2025";
const messages = [{ role: "user", content: "Summarise the quarterly report in one line." }];

await runOverheadCase({
  argv: process.argv.slice(2),
  createClient: ({ server, fetch }) =>
    new CohereClientV2({ token: "bench", baseUrl: `${server.url}/cohere`, maxRetries: 0, fetch }),
  // As init() sets it up: Sightline aggregates its own metrics and the reader reads them.
  createMetricProducer: () => createSightlineMetricProducer(),
  observe: (client, providers) => observeCohere(client, providers),
  cases: {
    chat: (client) => client.chat({ model, messages }),
    stream: async (client) => {
      for await (const _event of await client.chatStream({ model, messages })) {
        // read every event, as an app would
      }
    },
    embed: (client) =>
      client.embed({
        model: "embed-v4.0",
        texts: ["alpha", "beta"],
        inputType: "search_document",
        embeddingTypes: ["float"],
      }),
    rerank: (client) => client.rerank({ model: "rerank-v3.5", query: "alpha", documents: ["alpha", "beta"] }),
  },
});
