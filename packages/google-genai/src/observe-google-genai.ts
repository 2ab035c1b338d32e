import { type ObservedMethodSpec, observeClient } from "@sightline/core/provider";
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

/** The methods observed and how each maps: this table is the Google-specific part. */
const METHODS: readonly ObservedMethodSpec[] = [
  {
    path: "models.generateContent",
    returns: "promise",
    mapRequest: (params) => mapGenerateContentRequest(params, false),
    mapResponse: mapGenerateContentResponse,
  },
  {
    path: "models.generateContentStream",
    // A promise of an async generator can't be observed in place: the caller gets a promise of a
    // followed iterator instead.
    returns: "promised-stream",
    mapRequest: (params) => mapGenerateContentRequest(params, true),
    createAccumulator: createGenerateContentStreamAccumulator,
  },
  {
    path: "models.embedContent",
    returns: "promise",
    mapRequest: mapEmbedContentRequest,
    mapResponse: mapEmbedContentResponse,
  },
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
  return observeClient({
    client,
    wrapper: "observeGoogleGenAI",
    expected: "a Google GenAI client (new GoogleGenAI())",
    scopeName: PACKAGE_NAME,
    scopeVersion: PACKAGE_VERSION,
    options,
    target: (observed) => detectGoogleGenAITarget({ client: observed, providerName: options.providerName }),
    methods: METHODS,
  });
}
