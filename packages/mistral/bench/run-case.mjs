// One overhead measurement in a fresh process (spawned by overhead.bench.mjs).
import { Mistral } from "@mistralai/mistralai";
import { HTTPClient } from "@mistralai/mistralai/lib/http";
import { createSightlineMetricProducer } from "@sightline/core";
import { runOverheadCase } from "@sightline/testing/bench";
import { observeMistral } from "../dist/index.js";

const model = "mistral-small-latest";
const messages = [{ role: "user", content: "Summarise the quarterly report in one line." }];

await runOverheadCase({
  argv: process.argv.slice(2),
  createClient: ({ server, fetch }) =>
    new Mistral({
      apiKey: "bench",
      serverURL: `${server.url}/mistral`,
      retryConfig: { strategy: "none" },
      // An HTTPClient with a custom fetcher carries the in-process replay.
      ...(fetch ? { httpClient: new HTTPClient({ fetcher: fetch }) } : {}),
    }),
  // As init() sets it up: Sightline aggregates its own metrics and the reader reads them.
  createMetricProducer: () => createSightlineMetricProducer(),
  observe: (client, providers) => observeMistral(client, providers),
  cases: {
    chat: (client) => client.chat.complete({ model, messages }),
    embed: (client) => client.embeddings.create({ model: "mistral-embed", inputs: ["alpha", "beta"] }),
    stream: async (client) => {
      for await (const _event of await client.chat.stream({ model, messages })) {
        // read every event, as an app would
      }
    },
  },
});
