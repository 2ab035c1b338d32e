// One measurement in a fresh process (spawned by peers.bench.mjs): raw Anthropic, Sightline or a peer.
import { createSightlineMetricProducer } from "@sightline/core";
import { runOverheadCase } from "@sightline/testing/bench";
import { ANTHROPIC_CASES, ANTHROPIC_VARIANTS, createAnthropicClient } from "../dist/index.js";

await runOverheadCase({
  argv: process.argv.slice(2),
  // Sightline as init() sets it up: its own metric aggregation on the reader.
  createMetricProducer: (variant) => (variant === "sightline" ? createSightlineMetricProducer() : undefined),
  createClient: ({ server, fetch }) => createAnthropicClient({ baseURL: server.url, fetch }),
  variants: Object.fromEntries(
    ANTHROPIC_VARIANTS.map((variant) => [
      variant.name,
      async (client, providers) => (await variant.load())(client, providers).client,
    ]),
  ),
  cases: ANTHROPIC_CASES,
});
