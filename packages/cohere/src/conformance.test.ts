import { createDriftMonitor, createPriceRegistry, withContext } from "@sightline/core";
import type { MockLLMServer } from "@sightline/testing";
import { runProviderConformance } from "@sightline/testing/conformance";
import { type Cohere, CohereClientV2 } from "cohere-ai";
import { observeCohere } from "./observe-cohere.js";
import type { ObserveCohereOptions } from "./types.js";

type Client = CohereClientV2;
type Result = Cohere.V2ChatResponse;
type Chunk = Cohere.V2ChatStreamResponse;
type Stream = AsyncIterable<Chunk>;

/** The real client against the mock's Cohere routes (packages/testing/src/cohere/), retries off. */
export function createCohereClient(server: MockLLMServer): CohereClientV2 {
  return new CohereClientV2({ token: "test-key", baseUrl: `${server.url}/cohere`, maxRetries: 0 });
}

const messages = (prompt: string) => [{ role: "user" as const, content: prompt }];

runProviderConformance<Client, Result, Stream, Chunk>({
  name: "@sightline/cohere chat (cohere-ai 8)",
  providerName: "cohere",
  operationName: "chat",
  // Cohere's COMPLETE, mapped to the semconv value.
  stopFinishReason: "stop",
  scopeName: "@sightline/cohere",
  pricedModel: "command-a-03-2025",
  core: { withContext, createPriceRegistry, createDriftMonitor },
  createClient: createCohereClient,
  wrap: (client, options) => observeCohere(client, options as ObserveCohereOptions),
  call: (client, request) =>
    client.chat(
      { model: request.model, messages: messages(request.prompt) },
      { abortSignal: request.signal },
    ),
  stream: (client, request) =>
    client.chatStream(
      { model: request.model, messages: messages(request.prompt) },
      { abortSignal: request.signal },
    ),
  resultText: (result) =>
    (result.message.content ?? []).map((item) => (item.type === "text" ? item.text : "")).join(""),
  responseId: (result) => result.id,
  chunkText: (chunk) => (chunk.type === "content-delta" ? (chunk.delta?.message?.content?.text ?? "") : ""),
  // message-start, content-start, content-end, message-end.
  extraChunks: 4,
  knownFailures: {
    "flags a reroute to another model family on the first rerouted call, in the stream of the requested model":
      "Cohere's v2 chat response names no model (no `model` field), so a reroute cannot be seen: the response model is the requested one",
    "flags a quiet model change at once and longer answers within a window, on spans and metrics":
      "Cohere's v2 chat response names no model (no `model` field), so a server-side model change cannot be seen: the response model is the requested one",
  },
});
