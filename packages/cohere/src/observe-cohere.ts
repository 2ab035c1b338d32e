import { type ObservedMethodSpec, observeClient } from "@sightline/core/provider";
import { adaptChatStream } from "./adapt-chat-stream.js";
import { createChatStreamAccumulator } from "./chat/create-chat-stream-accumulator.js";
import { mapChatRequest } from "./chat/map-chat-request.js";
import { mapChatResponse } from "./chat/map-chat-response.js";
import { detectCohereTarget } from "./detect-cohere-target.js";
import { mapEmbedRequest } from "./embed/map-embed-request.js";
import { mapEmbedResponse } from "./embed/map-embed-response.js";
import { mapRerankRequest } from "./rerank/map-rerank-request.js";
import { mapRerankResponse } from "./rerank/map-rerank-response.js";
import type { ObserveCohereOptions } from "./types.js";
import { PACKAGE_NAME, PACKAGE_VERSION } from "./version.js";

/** The shape of a `cohere-ai` v8 `CohereClientV2` that Sightline relies on. */
export interface CohereClientLike {
  /** `chat` (v2): wrapped. */
  chat?: unknown;
  /** `chatStream` (v2): wrapped. */
  chatStream?: unknown;
  /** `embed` (v2): wrapped. */
  embed?: unknown;
  /** `rerank` (v2): wrapped. */
  rerank?: unknown;
}

/** The methods observed and how each maps: this table is the Cohere-specific part. */
const METHODS: readonly ObservedMethodSpec[] = [
  {
    path: "chat",
    returns: "promise",
    mapRequest: (params) => mapChatRequest(params, false),
    mapResponse: mapChatResponse,
  },
  {
    path: "chatStream",
    // A promise (Fern's HttpResponsePromise) of an async iterable of typed events: the caller gets
    // a promise of a followed iterator.
    returns: "promised-stream",
    mapRequest: (params) => mapChatRequest(params, true),
    createAccumulator: createChatStreamAccumulator,
  },
  { path: "embed", returns: "promise", mapRequest: mapEmbedRequest, mapResponse: mapEmbedResponse },
  { path: "rerank", returns: "promise", mapRequest: mapRerankRequest, mapResponse: mapRerankResponse },
];

/**
 * Makes every `chat`, `chatStream`, `embed` and `rerank` call of a `cohere-ai` v8 `CohereClientV2`
 * a GenAI span with metrics, cost and drift. Returns the same client, used exactly as before;
 * wrapping twice is harmless.
 * @example
 * import { CohereClientV2 } from "cohere-ai";
 * const cohere = observeCohere(new CohereClientV2({ token: process.env.CO_API_KEY }));
 */
export function observeCohere<Client extends CohereClientLike>(
  client: Client,
  options: ObserveCohereOptions = {},
): Client {
  adaptChatStream(client);
  return observeClient({
    client,
    wrapper: "observeCohere",
    expected: "a Cohere client (new CohereClientV2())",
    scopeName: PACKAGE_NAME,
    scopeVersion: PACKAGE_VERSION,
    options,
    target: (observed) => detectCohereTarget({ client: observed, providerName: options.providerName }),
    methods: METHODS,
  });
}
