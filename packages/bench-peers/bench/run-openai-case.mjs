// One measurement in a fresh process (spawned by peers.bench.mjs): raw openai, Sightline or a peer.
import { createSightlineMetricProducer } from "@sightline/core";
import { runOverheadCase } from "@sightline/testing/bench";
import { createOpenAIClient, OPENAI_CASES, OPENAI_VARIANTS } from "../dist/index.js";

await runOverheadCase({
  argv: process.argv.slice(2),
  // Sightline as init() sets it up: its own metric aggregation on the reader.
  createMetricProducer: (variant) => (variant === "sightline" ? createSightlineMetricProducer() : undefined),
  createClient: ({ server, fetch }) => createOpenAIClient({ baseURL: server.openaiBaseURL, fetch }),
  variants: Object.fromEntries(
    OPENAI_VARIANTS.map((variant) => [
      variant.name,
      async (client, providers) => (await variant.load())(client, providers).client,
    ]),
  ),
  cases: OPENAI_CASES,
});
