import { type GenerateContentResponse, GoogleGenAI } from "@google/genai";
import { createDriftMonitor, createPriceRegistry, withContext } from "@sightline/core";
import { runProviderConformance } from "@sightline/testing/conformance";
import { observeGoogleGenAI } from "./observe-google-genai.js";
import type { ObserveGoogleGenAIOptions } from "./types.js";

// The shared provider suite (@sightline/testing/conformance), on models.generateContent(Stream). The SDK's
// stream is a plain async generator: no tee(), toReadableStream(), controller or withResponse() to keep.
runProviderConformance<
  GoogleGenAI,
  GenerateContentResponse,
  AsyncGenerator<GenerateContentResponse>,
  GenerateContentResponse
>({
  name: "@google/genai models.generateContent",
  providerName: "gcp.gemini",
  operationName: "generate_content",
  stopFinishReason: "STOP",
  scopeName: "@sightline/google-genai",
  pricedModel: "gemini-2.5-flash",
  core: { withContext, createPriceRegistry, createDriftMonitor },
  createClient: (server) => new GoogleGenAI({ apiKey: "test-key", httpOptions: { baseUrl: server.url } }),
  // The suite builds its registry and monitor with the core functions passed in `core`.
  wrap: (client, options) => observeGoogleGenAI(client, options as ObserveGoogleGenAIOptions),
  call: (client, { model, prompt, signal }) =>
    client.models.generateContent({ model, contents: prompt, config: { abortSignal: signal } }),
  stream: (client, { model, prompt, signal }) =>
    client.models.generateContentStream({ model, contents: prompt, config: { abortSignal: signal } }),
  resultText: (response) => response.text ?? "",
  responseId: (response) => response.responseId ?? "",
  chunkText: (chunk) => chunk.text ?? "",
  // A last chunk with the finish reason and usage metadata.
  extraChunks: 1,
});
