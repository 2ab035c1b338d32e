import Anthropic from "@anthropic-ai/sdk";
import {
  createTestTelemetry,
  type MockLLMServer,
  startMockLLMServer,
  type TestTelemetry,
} from "@sightline/testing";
import Anthropic0 from "anthropic0";
import { afterAll, afterEach, beforeAll } from "vitest";
import { observeAnthropic } from "./observe-anthropic.js";
import type { ObserveAnthropicOptions } from "./types.js";

/** The real SDK versions the suites run against (1.x sends `Authorization: Bearer`, 0.x `x-api-key`). */
export const ANTHROPIC_VERSIONS = [
  ["sdk 1.x", Anthropic],
  ["sdk 0.x", Anthropic0 as unknown as typeof Anthropic],
] as const;

/** Extra client options, e.g. the 1.x `openTelemetry` option. */
export type ClientOptions = ConstructorParameters<typeof Anthropic>[0];

/** A mock server and in-memory telemetry shared by one test file, reset between tests. */
export interface AnthropicTestContext {
  server: MockLLMServer;
  telemetry: TestTelemetry;
  /** A real client pointed at the mock, wrapped with the test providers. */
  observed(
    options?: ObserveAnthropicOptions,
    AnthropicClass?: typeof Anthropic,
    clientOptions?: ClientOptions,
  ): Anthropic;
  /** A real client pointed at the mock, not wrapped. */
  raw(AnthropicClass?: typeof Anthropic, clientOptions?: ClientOptions): Anthropic;
}

/** Registers the hooks and returns the context (fields filled in `beforeAll`). */
export function useAnthropicTestContext(): AnthropicTestContext {
  const context = {} as AnthropicTestContext;
  beforeAll(async () => {
    context.server = await startMockLLMServer();
    context.telemetry = createTestTelemetry();
    context.raw = (AnthropicClass = Anthropic, clientOptions = {}) =>
      new AnthropicClass({
        apiKey: "test-key",
        baseURL: context.server.url,
        maxRetries: 0,
        ...clientOptions,
      });
    context.observed = (options = {}, AnthropicClass = Anthropic, clientOptions = {}) =>
      observeAnthropic(context.raw(AnthropicClass, clientOptions), {
        tracerProvider: context.telemetry.tracerProvider,
        meterProvider: context.telemetry.meterProvider,
        ...options,
      });
  });
  afterEach(() => {
    context.server.reset();
    context.telemetry.resetSpans();
  });
  afterAll(async () => {
    await context.server.close();
    await context.telemetry.shutdown();
  });
  return context;
}

/** Waits until `count` spans have ended (span ends happen on the side, a few ticks after the caller's await). */
export async function waitForSpans(telemetry: TestTelemetry, count: number, timeoutMs = 2000) {
  const deadline = Date.now() + timeoutMs;
  while (telemetry.spans().length < count) {
    if (Date.now() > deadline) throw new Error(`expected ${count} spans, got ${telemetry.spans().length}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return telemetry.spans();
}

/** Waits a little longer, so a second (wrong) span would have ended too. */
export function settle(ms = 30): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
