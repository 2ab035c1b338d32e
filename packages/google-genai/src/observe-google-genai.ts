import {
  checkClient,
  createInstrumentation,
  type GenAIRequest,
  type GenAIResponse,
  observeMethod,
  observePromise,
  observePromisedStream,
} from "@sightline/core/provider";
import { detectGoogleGenAITarget } from "./detect-google-genai-target.js";
import { mapEmbedContentRequest } from "./embed-content/map-embed-content-request.js";
import { mapEmbedContentResponse } from "./embed-content/map-embed-content-response.js";
import { createGenerateContentStreamAccumulator } from "./generate-content/create-generate-content-stream-accumulator.js";
import { mapGenerateContentRequest } from "./generate-content/map-generate-content-request.js";
import { mapGenerateContentResponse } from "./generate-content/map-generate-content-response.js";
import type { ObserveGoogleGenAIOptions } from "./types.js";
import { PACKAGE_NAME, PACKAGE_VERSION } from "./version.js";

/** The shape of a `@google/genai` client that Sightline relies on (1.x–3.x). */
export interface GoogleGenAIClientLike {
  /** `client.models`: `generateContent`, `generateContentStream` and `embedContent` are wrapped. */
  models?: object;
}

/** A promise-returning method: how to map its request and its resolved value. */
interface PromiseMapping {
  name: string;
  mapRequest: (params: unknown) => GenAIRequest;
  mapResponse: (body: unknown) => GenAIResponse;
}

const PROMISE_METHODS: PromiseMapping[] = [
  {
    name: "generateContent",
    mapRequest: (params) => mapGenerateContentRequest(params, false),
    mapResponse: mapGenerateContentResponse,
  },
  { name: "embedContent", mapRequest: mapEmbedContentRequest, mapResponse: mapEmbedContentResponse },
];

/**
 * Makes every call of a `@google/genai` client a GenAI span with metrics: `models.generateContent`,
 * `models.generateContentStream` and `models.embedContent`. Chat sessions (`chats.create()` then
 * `sendMessage` / `sendMessageStream`) call these same `models` methods, so each chat turn is one
 * span too, without wrapping `chats` (which would double them). Provider `gcp.vertex_ai` for a
 * Vertex AI client, `gcp.gemini` otherwise. Returns the same client; wrapping twice is harmless.
 * @example
 * import { GoogleGenAI } from "@google/genai";
 * const ai = observeGoogleGenAI(new GoogleGenAI({ apiKey: process.env.GEMINI_API_KEY }));
 */
export function observeGoogleGenAI<Client extends GoogleGenAIClientLike>(
  client: Client,
  options: ObserveGoogleGenAIOptions = {},
): Client {
  // Anything else is returned unchanged, with one warning through diag.
  if (
    !checkClient({
      client,
      wrapper: "observeGoogleGenAI",
      expected: "a Google GenAI client (new GoogleGenAI())",
      methods: ["models.generateContent", "models.generateContentStream", "models.embedContent"],
    })
  )
    return client;
  const instrumentation = createInstrumentation({
    scopeName: PACKAGE_NAME,
    scopeVersion: PACKAGE_VERSION,
    options,
  });
  const target = detectGoogleGenAITarget({ client, providerName: options.providerName });
  for (const mapping of PROMISE_METHODS) {
    observeMethod({
      instrumentation,
      owner: client.models,
      name: mapping.name,
      target,
      describe: (args) => ({
        request: mapping.mapRequest(args[0]),
        observe: (result, operation) => {
          const onValue = (value: unknown) => operation.succeed(mapping.mapResponse(value));
          if (typeof (result as PromiseLike<unknown> | undefined)?.then === "function") {
            observePromise(result as PromiseLike<unknown>, { operation, onValue });
          } else {
            onValue(result);
          }
        },
      }),
    });
  }
  observeMethod({
    instrumentation,
    owner: client.models,
    name: "generateContentStream",
    target,
    describe: (args) => ({
      request: mapGenerateContentRequest(args[0], true),
      // A promise of an async generator can't be observed in place: the caller gets our promise of
      // a followed iterator instead (see observePromisedStream).
      observe: (result, operation) =>
        observePromisedStream({
          instrumentation,
          result,
          operation,
          createAccumulator: () =>
            createGenerateContentStreamAccumulator({
              captureContent: instrumentation.config.captureContent,
              maxContentLength: instrumentation.config.contentMaxBytes,
            }),
        }),
    }),
  });
  return client;
}
