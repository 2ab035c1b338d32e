import {
  type BedrockRuntimeClient,
  ConverseCommand,
  type ConverseCommandOutput,
  ConverseStreamCommand,
  type ConverseStreamOutput,
} from "@aws-sdk/client-bedrock-runtime";
import { createDriftMonitor, createPriceRegistry, withContext } from "@sightline/core";
import type { ConformanceRequest } from "@sightline/testing/conformance";
import { runProviderConformance } from "@sightline/testing/conformance";
import { observeBedrock } from "./observe-bedrock.js";
import { createBedrockTestClient } from "./test-helpers.js";
import type { ObserveBedrockOptions } from "./types.js";

type Stream = AsyncIterable<ConverseStreamOutput>;

const converseInput = (request: ConformanceRequest) => ({
  modelId: request.model,
  messages: [{ role: "user" as const, content: [{ text: request.prompt }] }],
});

// The shared provider suite, with the real AWS SDK client against the mock LLM server's Bedrock routes
// (packages/testing/src/bedrock/), through Converse and ConverseStream.
runProviderConformance<BedrockRuntimeClient, ConverseCommandOutput, Stream, ConverseStreamOutput>({
  name: "@sightline/bedrock converse",
  providerName: "aws.bedrock",
  operationName: "chat",
  stopFinishReason: "stop",
  scopeName: "@sightline/bedrock",
  pricedModel: "anthropic.claude-haiku-4-5-20251001-v1:0",
  core: { withContext, createPriceRegistry, createDriftMonitor },
  createClient: (server) => createBedrockTestClient(server),
  wrap: (client, options) => observeBedrock(client, options as ObserveBedrockOptions),
  call: (client, request) =>
    client.send(new ConverseCommand(converseInput(request)), { abortSignal: request.signal }),
  stream: (client, request) =>
    client
      .send(new ConverseStreamCommand(converseInput(request)), { abortSignal: request.signal })
      .then((output) => output.stream as Stream),
  resultText: (result) =>
    (result.output?.message?.content ?? [])
      .map((block) => ("text" in block ? (block.text ?? "") : ""))
      .join(""),
  responseId: (result) => result.$metadata.requestId ?? "",
  chunkText: (chunk) => chunk.contentBlockDelta?.delta?.text ?? "",
  // messageStart, contentBlockStop, messageStop and metadata.
  extraChunks: 4,
  knownFailures: {
    "flags a reroute to another model family on the first rerouted call, in the stream of the requested model":
      "Converse responses name no model (the request's modelId answers), so a reroute cannot be seen in the response",
    "flags a quiet model change at once and longer answers within a window, on spans and metrics":
      "Converse responses name no model (the request's modelId answers), so a server-side model change cannot be seen in the response",
  },
});
