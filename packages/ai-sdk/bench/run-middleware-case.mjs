// One overhead measurement of sightlineMiddleware() in a fresh process (spawned by
// overhead.bench.mjs): "raw" calls the model as is, "wrapped" through wrapLanguageModel.
import { createOpenAI } from "@ai-sdk/openai";
import { runOverheadCase } from "@sightline/testing/bench";
import { generateText, streamText, wrapLanguageModel } from "ai";
import { sightlineMiddleware } from "../dist/index.js";

const prompt = "Summarise the quarterly report in one line.";

await runOverheadCase({
  argv: process.argv.slice(2),
  createClient: ({ server, fetch }) =>
    createOpenAI({ apiKey: "bench", baseURL: server.openaiBaseURL, ...(fetch ? { fetch } : {}) }).chat(
      "gpt-4o-mini",
    ),
  observe: (model, providers) => wrapLanguageModel({ model, middleware: sightlineMiddleware(providers) }),
  cases: {
    generateText: (model) => generateText({ model, prompt, maxRetries: 0 }),
    streamText: async (model) => {
      const result = streamText({ model, prompt, maxRetries: 0 });
      for await (const _delta of result.textStream) {
        // read every chunk, as an app would
      }
    },
  },
});
