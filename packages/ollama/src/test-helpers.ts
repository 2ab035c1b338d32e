import { type MockLLMContext, useMockLLMContext } from "@sightline/testing/vitest";
import { Ollama } from "ollama";
import { observeOllama } from "./observe-ollama.js";
import type { ObserveOllamaOptions } from "./types.js";

/** Real `ollama` clients pointed at the mock server. */
export interface OllamaClientFactories {
  /** A real client pointed at the mock, wrapped with the test providers. */
  observed(options?: ObserveOllamaOptions): Ollama;
  /** A real client pointed at the mock, not wrapped. */
  raw(): Ollama;
}

/** A mock server and in-memory telemetry shared by one test file (reset between tests), with client factories. */
export type OllamaTestContext = MockLLMContext & OllamaClientFactories;

/** Registers the shared mock-server hooks and adds `ollama` client factories to the context. */
export function useOllamaTestContext(): OllamaTestContext {
  const context: OllamaTestContext = useMockLLMContext<OllamaClientFactories>({
    raw: () => new Ollama({ host: context.server.url }),
    observed: (options: ObserveOllamaOptions = {}) =>
      observeOllama(context.raw(), {
        tracerProvider: context.telemetry.tracerProvider,
        meterProvider: context.telemetry.meterProvider,
        ...options,
      }),
  });
  return context;
}

export { settle, waitForSpans } from "@sightline/testing/vitest";
