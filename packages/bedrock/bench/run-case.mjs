// One overhead measurement in a fresh process (spawned by overhead.bench.mjs).
import {
  BedrockRuntimeClient,
  ConverseCommand,
  ConverseStreamCommand,
} from "@aws-sdk/client-bedrock-runtime";
import { createSightlineMetricProducer } from "@sightline/core";
import { runOverheadCase } from "@sightline/testing/bench";
import { FetchHttpHandler } from "@smithy/fetch-http-handler";
import { observeBedrock } from "../dist/index.js";

const input = {
  modelId: "us.anthropic.claude-haiku-4-5-20251001-v1:0",
  messages: [{ role: "user", content: [{ text: "Summarise the quarterly report in one line." }] }],
};

await runOverheadCase({
  argv: process.argv.slice(2),
  createClient: ({ server, fetch }) => {
    // FetchHttpHandler calls the global fetch: the replay goes through it, for raw and wrapped runs alike.
    if (fetch) globalThis.fetch = fetch;
    return new BedrockRuntimeClient({
      region: "us-east-1",
      endpoint: server.url,
      credentials: { accessKeyId: "AKIDBENCH", secretAccessKey: "bench" },
      maxAttempts: 1,
      requestHandler: new FetchHttpHandler(),
    });
  },
  // As init() sets it up: Sightline aggregates its own metrics and the reader reads them.
  createMetricProducer: () => createSightlineMetricProducer(),
  observe: (client, providers) => observeBedrock(client, providers),
  cases: {
    converse: (client) => client.send(new ConverseCommand(input)),
    "converse-stream": async (client) => {
      const output = await client.send(new ConverseStreamCommand(input));
      for await (const _event of output.stream ?? []) {
        // read every event, as an app would
      }
    },
  },
});
