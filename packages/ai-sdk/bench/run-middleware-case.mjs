// One overhead measurement of sightlineMiddleware() / sightlineEmbeddingMiddleware() in a fresh
// process (spawned by overhead.bench.mjs): "raw" calls the models as they are, "wrapped" through
// wrapLanguageModel / wrapEmbeddingModel.
import { createOpenAI } from "@ai-sdk/openai";
import { createSightlineMetricProducer } from "@sightline/core";
import { runOverheadCase } from "@sightline/testing/bench";
import { embed, generateText, streamText, wrapEmbeddingModel, wrapLanguageModel } from "ai";
import { sightlineEmbeddingMiddleware, sightlineMiddleware } from "../dist/index.js";

const prompt = "Summarise the quarterly report in one line.";

await runOverheadCase({
  argv: process.argv.slice(2),
  createClient: ({ server, fetch }) => {
    const provider = createOpenAI({
      apiKey: "bench",
      baseURL: server.openaiBaseURL,
      ...(fetch ? { fetch } : {}),
    });
    return { chat: provider.chat("gpt-4o-mini"), embedder: provider.embedding("text-embedding-3-small") };
  },
  // As init() sets it up: Sightline aggregates its own metrics and the reader reads them.
  createMetricProducer: () => createSightlineMetricProducer(),
  observe: (models, providers) => ({
    chat: wrapLanguageModel({ model: models.chat, middleware: sightlineMiddleware(providers) }),
    embedder: wrapEmbeddingModel({
      model: models.embedder,
      middleware: sightlineEmbeddingMiddleware(providers),
    }),
  }),
  cases: {
    generateText: (models) => generateText({ model: models.chat, prompt, maxRetries: 0 }),
    embed: (models) => embed({ model: models.embedder, value: "alpha", maxRetries: 0 }),
    streamText: async (models) => {
      const result = streamText({ model: models.chat, prompt, maxRetries: 0 });
      for await (const _delta of result.textStream) {
        // read every chunk, as an app would
      }
    },
  },
});
