// One overhead measurement in a fresh process (spawned by overhead.bench.mjs).
import { createSightlineMetricProducer } from "@sightline/core";
import { runOverheadCase } from "@sightline/testing/bench";
import { Ollama } from "ollama";
import { observeOllama } from "../dist/index.js";

const model = "llama3.2";
const messages = [{ role: "user", content: "Summarise the quarterly report in one line." }];

await runOverheadCase({
  argv: process.argv.slice(2),
  // The client's own `fetch` option carries the in-process replay.
  createClient: ({ server, fetch }) => new Ollama({ host: server.url, fetch }),
  // As init() sets it up: Sightline aggregates its own metrics and the reader reads them.
  createMetricProducer: () => createSightlineMetricProducer(),
  observe: (client, providers) => observeOllama(client, providers),
  cases: {
    chat: (client) => client.chat({ model, messages }),
    embed: (client) => client.embed({ model: "nomic-embed-text", input: ["alpha", "beta"] }),
    stream: async (client) => {
      for await (const _part of await client.chat({ model, messages, stream: true })) {
        // read every part, as an app would
      }
    },
  },
});
