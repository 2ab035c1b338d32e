import { type MockLLMContext, useMockLLMContext } from "@sightline/testing/vitest";
import { CohereClientV2 } from "cohere-ai";
import { observeCohere } from "./observe-cohere.js";
import type { ObserveCohereOptions } from "./types.js";

/** Real `cohere-ai` v2 clients pointed at the mock server's `/cohere` routes. */
export interface CohereClientFactories {
  /** A real client pointed at the mock, wrapped with the test providers. */
  observed(options?: ObserveCohereOptions): CohereClientV2;
  /** A real client pointed at the mock, not wrapped (no retries). */
  raw(): CohereClientV2;
}

/** A mock server and in-memory telemetry shared by one test file, with client factories. */
export type CohereTestContext = MockLLMContext & CohereClientFactories;

/** Registers the shared mock-server hooks and adds `cohere-ai` client factories to the context. */
export function useCohereTestContext(): CohereTestContext {
  const context: CohereTestContext = useMockLLMContext<CohereClientFactories>({
    raw: () =>
      new CohereClientV2({ token: "test-key", baseUrl: `${context.server.url}/cohere`, maxRetries: 0 }),
    observed: (options: ObserveCohereOptions = {}) =>
      observeCohere(context.raw(), {
        tracerProvider: context.telemetry.tracerProvider,
        meterProvider: context.telemetry.meterProvider,
        ...options,
      }),
  });
  return context;
}

export { waitForSpans } from "@sightline/testing/vitest";
