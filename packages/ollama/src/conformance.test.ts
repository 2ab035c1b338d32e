import { createDriftMonitor, createPriceRegistry, withContext } from "@sightline/core";
import type { MockLLMServer } from "@sightline/testing";
import { runProviderConformance } from "@sightline/testing/conformance";
import { type AbortableAsyncIterator, type ChatResponse, Ollama } from "ollama";
import { observeOllama } from "./observe-ollama.js";
import type { ObserveOllamaOptions } from "./types.js";

type Stream = AbortableAsyncIterator<ChatResponse>;

/**
 * Ollama's only abort path is the stream's own `abort()` (its methods take no signal), so a request's
 * signal is wired to it: what a caller does to cancel a streamed Ollama call.
 */
function abortOnSignal(stream: Stream, signal: AbortSignal | undefined): Stream {
  signal?.addEventListener("abort", () => stream.abort(), { once: true });
  return stream;
}

// The shared provider suite, with the real `ollama` client against the mock LLM server (its Ollama
// routes: packages/testing/src/ollama/).
runProviderConformance<Ollama, ChatResponse, Stream, ChatResponse>({
  name: "@sightline/ollama chat (ollama 0.6)",
  providerName: "ollama",
  operationName: "chat",
  stopFinishReason: "stop",
  scopeName: "@sightline/ollama",
  // Local models have no list price: the catalog prices no Ollama model (see knownFailures).
  pricedModel: "llama3.2",
  core: { withContext, createPriceRegistry, createDriftMonitor },
  createClient: (server: MockLLMServer) => new Ollama({ host: server.url }),
  wrap: (client, options) => observeOllama(client, options as ObserveOllamaOptions),
  call: (client, { model, prompt }) =>
    client.chat({ model, messages: [{ role: "user", content: prompt }], stream: false }),
  stream: async (client, { model, prompt, signal }) =>
    abortOnSignal(
      await client.chat({ model, messages: [{ role: "user", content: prompt }], stream: true }),
      signal,
    ),
  resultText: (result) => result.message.content,
  // Ollama's responses carry no id: the span has no gen_ai.response.id, and this is undefined too.
  responseId: (result) => (result as ChatResponse & { id?: string }).id as string,
  chunkText: (chunk) => chunk.message.content,
  // The final `done: true` object, with the counts and timings and empty content.
  extraChunks: 1,
  abortStream: (stream) => stream.abort(),
  knownFailures: {
    "a plain call is one CLIENT span named after its operation and model, in the provider's scope":
      "Ollama's responses carry no id, so the span has no gen_ai.response.id (the case expects the key); everything else this case checks is asserted in ollama.test.ts.",
    "a malformed chunk re-throws the SDK's parse error and still yields one span":
      "ollama skips an unparsable NDJSON line with a console warning instead of throwing, so there is no parse error to re-throw (the unwrapped client behaves the same), and no response id either.",
    "prices a catalog model from the response model, on the span and in the spend counter":
      "Ollama runs local models, which have no list price: the bundled catalog prices no ollama model, so a call is unpriced unless the user registers a price (tested in ollama.test.ts).",
  },
});
