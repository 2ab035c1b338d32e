import { type MockLLMContext, useMockLLMContext } from "@sightline/testing/vitest";
import OpenAI7 from "openai";
import OpenAI6 from "openai6";
import { observeOpenAI } from "./observe-openai.js";
import type { ObserveOpenAIOptions } from "./types.js";

/** The real SDK versions the suites run against. */
export const OPENAI_VERSIONS = [
  ["openai 7", OpenAI7],
  ["openai 6", OpenAI6 as unknown as typeof OpenAI7],
] as const;

/** Real openai clients pointed at the mock server. */
export interface OpenAIClientFactories {
  /** A real client pointed at the mock, wrapped with the test providers. */
  observed(options?: ObserveOpenAIOptions, OpenAIClass?: typeof OpenAI7): OpenAI7;
  /** A real client pointed at the mock, not wrapped. */
  raw(OpenAIClass?: typeof OpenAI7): OpenAI7;
}

/** A mock server and in-memory telemetry shared by one test file (reset between tests), with client factories. */
export type OpenAITestContext = MockLLMContext & OpenAIClientFactories;

/** Registers the shared mock-server hooks and adds openai client factories to the context. */
export function useOpenAITestContext(): OpenAITestContext {
  const context: OpenAITestContext = useMockLLMContext<OpenAIClientFactories>({
    raw: (OpenAIClass = OpenAI7) =>
      new OpenAIClass({ apiKey: "test-key", baseURL: context.server.openaiBaseURL, maxRetries: 0 }),
    // The mock plays api.openai.com here; on its loopback address the client would be `openai_compatible`.
    observed: (options: ObserveOpenAIOptions = {}, OpenAIClass = OpenAI7) =>
      observeOpenAI(context.raw(OpenAIClass), {
        tracerProvider: context.telemetry.tracerProvider,
        meterProvider: context.telemetry.meterProvider,
        providerName: "openai",
        ...options,
      }),
  });
  return context;
}

export { settle, waitForSpans } from "@sightline/testing/vitest";
