import Anthropic from "@anthropic-ai/sdk";
import { type MockLLMContext, useMockLLMContext } from "@sightline/testing/vitest";
import Anthropic0 from "anthropic0";
import { observeAnthropic } from "./observe-anthropic.js";
import type { ObserveAnthropicOptions } from "./types.js";

/** The real SDK versions the suites run against (1.x sends `Authorization: Bearer`, 0.x `x-api-key`). */
export const ANTHROPIC_VERSIONS = [
  ["sdk 1.x", Anthropic],
  ["sdk 0.x", Anthropic0 as unknown as typeof Anthropic],
] as const;

/** Extra client options, e.g. the 1.x `openTelemetry` option. */
export type ClientOptions = ConstructorParameters<typeof Anthropic>[0];

/** Real Anthropic clients pointed at the mock server. */
export interface AnthropicClientFactories {
  /** A real client pointed at the mock, wrapped with the test providers. */
  observed(
    options?: ObserveAnthropicOptions,
    AnthropicClass?: typeof Anthropic,
    clientOptions?: ClientOptions,
  ): Anthropic;
  /** A real client pointed at the mock, not wrapped. */
  raw(AnthropicClass?: typeof Anthropic, clientOptions?: ClientOptions): Anthropic;
}

/** A mock server and in-memory telemetry shared by one test file (reset between tests), with client factories. */
export type AnthropicTestContext = MockLLMContext & AnthropicClientFactories;

/** Registers the shared mock-server hooks and adds Anthropic client factories to the context. */
export function useAnthropicTestContext(): AnthropicTestContext {
  const context: AnthropicTestContext = useMockLLMContext<AnthropicClientFactories>({
    raw: (AnthropicClass = Anthropic, clientOptions = {}) =>
      new AnthropicClass({
        apiKey: "test-key",
        baseURL: context.server.url,
        maxRetries: 0,
        ...clientOptions,
      }),
    observed: (options: ObserveAnthropicOptions = {}, AnthropicClass = Anthropic, clientOptions = {}) =>
      observeAnthropic(context.raw(AnthropicClass, clientOptions), {
        tracerProvider: context.telemetry.tracerProvider,
        meterProvider: context.telemetry.meterProvider,
        ...options,
      }),
  });
  return context;
}

export { settle, waitForSpans } from "@sightline/testing/vitest";
