import { Mistral } from "@mistralai/mistralai";
import { type MockLLMContext, useMockLLMContext } from "@sightline/testing/vitest";
import { observeMistral } from "./observe-mistral.js";
import type { ObserveMistralOptions } from "./types.js";

type MistralOptions = ConstructorParameters<typeof Mistral>[0];

/** Real `@mistralai/mistralai` clients pointed at the mock server's `/mistral/` routes, retries off. */
export interface MistralClientFactories {
  /** A real client pointed at the mock, wrapped with the test providers. */
  observed(options?: ObserveMistralOptions, clientOptions?: MistralOptions): Mistral;
  /** A real client pointed at the mock, not wrapped. */
  raw(clientOptions?: MistralOptions): Mistral;
}

/** A mock server and in-memory telemetry shared by one test file (reset between tests), with client factories. */
export type MistralTestContext = MockLLMContext & MistralClientFactories;

/** Registers the shared mock-server hooks and adds Mistral client factories to the context. */
export function useMistralTestContext(): MistralTestContext {
  const context: MistralTestContext = useMockLLMContext<MistralClientFactories>({
    raw: (clientOptions: MistralOptions = {}) =>
      new Mistral({
        apiKey: "test-key",
        serverURL: `${context.server.url}/mistral`,
        retryConfig: { strategy: "none" },
        ...clientOptions,
      }),
    observed: (options: ObserveMistralOptions = {}, clientOptions: MistralOptions = {}) =>
      observeMistral(context.raw(clientOptions), {
        tracerProvider: context.telemetry.tracerProvider,
        meterProvider: context.telemetry.meterProvider,
        ...options,
      }),
  });
  return context;
}

/** One user message. */
export const userMessages = [{ role: "user" as const, content: "hi" }];

export { settle, waitForSpans } from "@sightline/testing/vitest";
