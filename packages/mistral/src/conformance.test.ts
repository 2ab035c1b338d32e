import { Mistral } from "@mistralai/mistralai";
import type { ChatCompletionResponse, CompletionEvent } from "@mistralai/mistralai/models/components";
import { createDriftMonitor, createPriceRegistry, withContext } from "@sightline/core";
import type { MockLLMServer } from "@sightline/testing";
import { runProviderConformance } from "@sightline/testing/conformance";
import { observeMistral } from "./observe-mistral.js";
import type { ObserveMistralOptions } from "./types.js";

type Stream = AsyncIterable<CompletionEvent>;

/** The text of a message content: a string, or content chunks whose text parts are joined. */
function contentText(content: unknown): string {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return content.map((chunk) => (chunk?.type === "text" ? String(chunk.text) : "")).join("");
}

// The shared provider suite, with the real `@mistralai/mistralai` client against the mock LLM server
// (its Mistral routes under `/mistral/`: packages/testing/src/mistral/).
runProviderConformance<Mistral, ChatCompletionResponse, Stream, CompletionEvent>({
  name: "@sightline/mistral chat (@mistralai/mistralai 2.7)",
  providerName: "mistral_ai",
  operationName: "chat",
  stopFinishReason: "stop",
  scopeName: "@sightline/mistral",
  pricedModel: "mistral-medium-2508",
  core: { withContext, createPriceRegistry, createDriftMonitor },
  createClient: (server: MockLLMServer) =>
    new Mistral({ apiKey: "test", serverURL: `${server.url}/mistral`, retryConfig: { strategy: "none" } }),
  wrap: (client, options) => observeMistral(client, options as ObserveMistralOptions),
  call: (client, request) =>
    client.chat.complete(
      { model: request.model, messages: [{ role: "user", content: request.prompt }] },
      { fetchOptions: { signal: request.signal } },
    ),
  stream: (client, request) =>
    client.chat.stream(
      { model: request.model, messages: [{ role: "user", content: request.prompt }] },
      { fetchOptions: { signal: request.signal } },
    ),
  resultText: (result) => contentText(result.choices[0]?.message?.content),
  responseId: (result) => result.id,
  chunkText: (event) => contentText(event.data.choices[0]?.delta.content),
  // The role chunk before the text and the finish chunk (usage) after it carry no text.
  extraChunks: 2,
});
