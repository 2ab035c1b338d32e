// Sightline beside its peers' instrumentations, against the raw openai and Anthropic clients; see
// runPeersBenchmark for the method. `--quick` for a smoke run (a fifth of the calls; the warm-up stays).
import { fileURLToPath } from "node:url";
import { ANTHROPIC_VARIANTS, OPENAI_VARIANTS, runPeersBenchmark } from "../dist/index.js";

const runner = (name) => fileURLToPath(new URL(`./${name}`, import.meta.url));

runPeersBenchmark({
  quick: process.argv.includes("--quick"),
  clients: [
    {
      clientName: "openai",
      runnerPath: runner("run-openai-case.mjs"),
      variants: OPENAI_VARIANTS,
      rows: [
        { caseName: "chat", label: "chat", calls: 3000, perCall: 1, warmup: 12000 },
        // 50 content chunks + the role, finish and usage chunks
        { caseName: "stream", label: "stream (53 chunks)", calls: 1000, perCall: 53, warmup: 4000 },
        { caseName: "embeddings", label: "embeddings", calls: 3000, perCall: 1, warmup: 12000 },
      ],
    },
    {
      clientName: "anthropic",
      runnerPath: runner("run-anthropic-case.mjs"),
      variants: ANTHROPIC_VARIANTS,
      rows: [
        { caseName: "messages", label: "messages", calls: 3000, perCall: 1, warmup: 12000 },
        // 50 text deltas + message_start, block start/stop, message_delta, message_stop
        { caseName: "stream", label: "stream (55 events)", calls: 1000, perCall: 55, warmup: 4000 },
      ],
    },
  ],
});
