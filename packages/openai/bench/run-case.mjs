// One overhead measurement in a fresh process (spawned by overhead.bench.mjs).
import { createSightlineMetricProducer } from "@sightline/core";
import { runOverheadCase } from "@sightline/testing/bench";
import OpenAI from "openai";
import { observeOpenAI } from "../dist/index.js";

const messages = [{ role: "user", content: "Summarise the quarterly report in one line." }];

await runOverheadCase({
  argv: process.argv.slice(2),
  createClient: ({ server, fetch }) =>
    new OpenAI({
      apiKey: "bench",
      baseURL: server.openaiBaseURL,
      maxRetries: 0,
      ...(fetch ? { fetch } : {}),
    }),
  // As init() sets it up: Sightline aggregates its own metrics and the reader reads them.
  createMetricProducer: () => createSightlineMetricProducer(),
  observe: (client, providers) => observeOpenAI(client, providers),
  cases: {
    chat: (client) => client.chat.completions.create({ model: "gpt-4o-mini", messages }),
    stream: async (client) => {
      const stream = await client.chat.completions.create({
        model: "gpt-4o-mini",
        messages,
        stream: true,
        stream_options: { include_usage: true },
      });
      for await (const _chunk of stream) {
        // read every chunk, as an app would
      }
    },
    embeddings: (client) =>
      client.embeddings.create({ model: "text-embedding-3-small", input: ["alpha", "beta"] }),
  },
});
