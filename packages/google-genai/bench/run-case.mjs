// One overhead measurement in a fresh process (spawned by overhead.bench.mjs).
import { GoogleGenAI } from "@google/genai";
import { createSightlineMetricProducer } from "@sightline/core";
import { runOverheadCase } from "@sightline/testing/bench";
import { observeGoogleGenAI } from "../dist/index.js";

const model = "gemini-2.5-flash";
const contents = "Summarise the quarterly report in one line.";

await runOverheadCase({
  argv: process.argv.slice(2),
  createClient: ({ server, fetch }) => {
    // @google/genai takes no fetch option: the replay goes through the global fetch, which raw and
    // wrapped runs use alike.
    if (fetch) globalThis.fetch = fetch;
    return new GoogleGenAI({ apiKey: "bench", httpOptions: { baseUrl: server.url } });
  },
  // As init() sets it up: Sightline aggregates its own metrics and the reader reads them.
  createMetricProducer: () => createSightlineMetricProducer(),
  observe: (client, providers) => observeGoogleGenAI(client, providers),
  cases: {
    generate: (client) => client.models.generateContent({ model, contents }),
    stream: async (client) => {
      for await (const _chunk of await client.models.generateContentStream({ model, contents })) {
        // read every chunk, as an app would
      }
    },
    embeddings: (client) =>
      client.models.embedContent({ model: "text-embedding-004", contents: ["alpha", "beta"] }),
  },
});
