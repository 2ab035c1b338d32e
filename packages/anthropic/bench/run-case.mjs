// One overhead measurement in a fresh process (spawned by overhead.bench.mjs).
import Anthropic from "@anthropic-ai/sdk";
import { createSightlineMetricProducer } from "@sightline/core";
import { runOverheadCase } from "@sightline/testing/bench";
import { observeAnthropic } from "../dist/index.js";

const model = "claude-sonnet-4-20250514";
const messages = [{ role: "user", content: "Summarise the quarterly report in one line." }];

await runOverheadCase({
  argv: process.argv.slice(2),
  createClient: ({ server, fetch }) =>
    new Anthropic({ apiKey: "bench", baseURL: server.url, maxRetries: 0, ...(fetch ? { fetch } : {}) }),
  // As init() sets it up: Sightline aggregates its own metrics and the reader reads them.
  createMetricProducer: () => createSightlineMetricProducer(),
  observe: (client, providers) => observeAnthropic(client, providers),
  cases: {
    chat: (client) => client.messages.create({ model, max_tokens: 200, messages }),
    stream: async (client) => {
      const stream = await client.messages.create({ model, max_tokens: 200, messages, stream: true });
      for await (const _event of stream) {
        // read every event, as an app would
      }
    },
    count_tokens: (client) => client.messages.countTokens({ model, messages }),
  },
});
