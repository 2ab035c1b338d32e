import { GoogleGenAI, type GoogleGenAIOptions } from "@google/genai";
import { type MockLLMContext, useMockLLMContext } from "@sightline/testing/vitest";
import { observeGoogleGenAI } from "./observe-google-genai.js";
import type { ObserveGoogleGenAIOptions } from "./types.js";

/** Real `@google/genai` clients pointed at the mock server. */
export interface GoogleGenAIClientFactories {
  /** A real client pointed at the mock, wrapped with the test providers. */
  observed(options?: ObserveGoogleGenAIOptions, clientOptions?: GoogleGenAIOptions): GoogleGenAI;
  /** A real client pointed at the mock, not wrapped. */
  raw(clientOptions?: GoogleGenAIOptions): GoogleGenAI;
}

/** A mock server and in-memory telemetry shared by one test file (reset between tests), with client factories. */
export type GoogleGenAITestContext = MockLLMContext & GoogleGenAIClientFactories;

/** Registers the shared mock-server hooks and adds `@google/genai` client factories to the context. */
export function useGoogleGenAITestContext(): GoogleGenAITestContext {
  const context: GoogleGenAITestContext = useMockLLMContext<GoogleGenAIClientFactories>({
    raw: (clientOptions: GoogleGenAIOptions = {}) =>
      new GoogleGenAI({
        apiKey: "test-key",
        ...clientOptions,
        httpOptions: { baseUrl: context.server.url, ...clientOptions.httpOptions },
      }),
    observed: (options: ObserveGoogleGenAIOptions = {}, clientOptions: GoogleGenAIOptions = {}) =>
      observeGoogleGenAI(context.raw(clientOptions), {
        tracerProvider: context.telemetry.tracerProvider,
        meterProvider: context.telemetry.meterProvider,
        ...options,
      }),
  });
  return context;
}

export { settle, waitForSpans } from "@sightline/testing/vitest";
