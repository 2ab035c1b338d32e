import {
  type AccumulatorSettings,
  checkClient,
  createInstrumentation,
  type GenAIRequest,
  type GenAIResponse,
  type Operation,
  observeMethod,
  observePromise,
  type StreamAccumulator,
} from "@sightline/core/provider";
import { mapChatRequest } from "./chat/map-chat-request.js";
import { mapChatResponse } from "./chat/map-chat-response.js";
import { createOllamaStreamAccumulator } from "./create-ollama-stream-accumulator.js";
import { detectOllamaTarget } from "./detect-ollama-target.js";
import { mapEmbedRequest, mapEmbedResponse } from "./embed/map-embed.js";
import { followAbortableStream } from "./follow-abortable-stream.js";
import { mapGenerateRequest } from "./generate/map-generate-request.js";
import { mapGenerateResponse } from "./generate/map-generate-response.js";
import { readStatusCode } from "./read-status-code.js";
import type { ObserveOllamaOptions } from "./types.js";
import { PACKAGE_NAME, PACKAGE_VERSION } from "./version.js";

/** The shape of an Ollama client (`new Ollama()` or the default `ollama` instance) that Sightline relies on. */
export interface OllamaClientLike {
  chat?: (...args: never[]) => unknown;
  generate?: (...args: never[]) => unknown;
  embed?: (...args: never[]) => unknown;
  embeddings?: (...args: never[]) => unknown;
}

/** One observed method: its request mapper, its response mapper, and, for streams, its kind. */
interface OllamaMethod {
  name: "chat" | "generate" | "embed" | "embeddings";
  mapRequest: (params: unknown) => GenAIRequest;
  mapResponse: (response: unknown) => GenAIResponse;
  /** Set for methods that stream with `stream: true` (an `AbortableAsyncIterator`). */
  streamKind?: "chat" | "generate";
}

const METHODS: readonly OllamaMethod[] = [
  { name: "chat", mapRequest: mapChatRequest, mapResponse: mapChatResponse, streamKind: "chat" },
  {
    name: "generate",
    mapRequest: mapGenerateRequest,
    mapResponse: mapGenerateResponse,
    streamKind: "generate",
  },
  { name: "embed", mapRequest: mapEmbedRequest, mapResponse: mapEmbedResponse },
  { name: "embeddings", mapRequest: mapEmbedRequest, mapResponse: mapEmbedResponse },
];

/**
 * Makes every `chat`, `generate`, `embed` and `embeddings` call of an Ollama client a GenAI span with
 * metrics, cost and drift. Streams stay the SDK's own `AbortableAsyncIterator` (its `abort()` works).
 * Returns the same client, used exactly as before; wrapping twice is harmless.
 * @example
 * import { Ollama } from "ollama";
 * const client = observeOllama(new Ollama({ host: "http://127.0.0.1:11434" }));
 */
export function observeOllama<Client extends OllamaClientLike>(
  client: Client,
  options: ObserveOllamaOptions = {},
): Client {
  const names = METHODS.map((method) => method.name);
  const expected = 'an Ollama client (new Ollama() or the default export of "ollama")';
  if (!checkClient({ client, wrapper: "observeOllama", expected, methods: names })) return client;
  const instrumentation = createInstrumentation({
    scopeName: PACKAGE_NAME,
    scopeVersion: PACKAGE_VERSION,
    options,
  });
  // `config` is protected in the SDK's types; `config.host` is the formatted host (`http://host:port`).
  const host = (client as { config?: { host?: unknown } }).config?.host;
  const target = detectOllamaTarget({ baseURL: host, providerName: options.providerName });
  const settings: AccumulatorSettings = {
    captureContent: instrumentation.config.keepContent,
    maxContentLength: instrumentation.config.contentMaxBytes,
  };
  for (const method of METHODS) {
    observeMethod({
      instrumentation,
      owner: client,
      name: method.name,
      target,
      describe: (args) => {
        const request = method.mapRequest(args[0]);
        const { streamKind } = method;
        return {
          request,
          observe: (result: unknown, operation: Operation) =>
            streamKind && request.stream
              ? followAbortableStream({
                  instrumentation,
                  result,
                  operation,
                  createAccumulator: (): StreamAccumulator<unknown> =>
                    createOllamaStreamAccumulator(streamKind, settings),
                })
              : followResponse(result, operation, method.mapResponse),
        };
      },
    });
  }
  return client;
}

function followResponse(
  result: unknown,
  operation: Operation,
  mapResponse: (response: unknown) => GenAIResponse,
): undefined {
  const onValue = (value: unknown) => operation.succeed(mapResponse(value));
  if (typeof (result as PromiseLike<unknown> | undefined)?.then === "function") {
    // Runs before observePromise's own handler (registered first), so the span has the status.
    Promise.resolve(result).catch((error: unknown) => operation.noteStatusCode(readStatusCode(error)));
    observePromise(result as PromiseLike<unknown>, { operation, onValue });
  } else {
    onValue(result);
  }
  return undefined;
}
