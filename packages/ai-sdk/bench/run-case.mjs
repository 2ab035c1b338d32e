// One overhead measurement in a fresh process (spawned by overhead.bench.mjs). "raw" is the AI SDK
// with no integration; "wrapped" passes sightlineTelemetry() per call, every Sightline feature on.
import { createOpenAI } from "@ai-sdk/openai";
import { createSightlineMetricProducer } from "@sightline/core";
import { runOverheadCase } from "@sightline/testing/bench";
import { embed, generateText, streamText } from "ai";
import { sightlineTelemetry } from "../dist/index.js";

const prompt = "Summarise the quarterly report in one line.";

await runOverheadCase({
  argv: process.argv.slice(2),
  createClient: ({ server, fetch }) => ({
    provider: createOpenAI({ apiKey: "bench", baseURL: server.openaiBaseURL, ...(fetch ? { fetch } : {}) }),
    telemetry: undefined,
  }),
  // As init() sets it up: Sightline aggregates its own metrics and the reader reads them.
  createMetricProducer: () => createSightlineMetricProducer(),
  observe: (client, providers) => ({
    ...client,
    telemetry: { integrations: [sightlineTelemetry(providers)] },
  }),
  cases: {
    generateText: (client) =>
      generateText({
        model: client.provider.chat("gpt-4o-mini"),
        prompt,
        maxRetries: 0,
        telemetry: client.telemetry,
      }),
    streamText: async (client) => {
      const result = streamText({
        model: client.provider.chat("gpt-4o-mini"),
        prompt,
        maxRetries: 0,
        telemetry: client.telemetry,
      });
      for await (const _delta of result.textStream) {
        // read every chunk, as an app would
      }
    },
    embed: (client) =>
      embed({
        model: client.provider.embedding("text-embedding-3-small"),
        value: "alpha",
        maxRetries: 0,
        telemetry: client.telemetry,
      }),
  },
});
