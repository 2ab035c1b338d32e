import {
  createTestTelemetry,
  type MockLLMServer,
  startMockLLMServer,
  type TestTelemetry,
} from "@sightline/testing";
import OpenAI7 from "openai";
import OpenAI6 from "openai6";
import { afterAll, afterEach, beforeAll } from "vitest";
import { observeOpenAI } from "./observe-openai.js";
import type { ObserveOpenAIOptions } from "./types.js";

/** The real SDK versions the suites run against. */
export const OPENAI_VERSIONS = [
  ["openai 7", OpenAI7],
  ["openai 6", OpenAI6 as unknown as typeof OpenAI7],
] as const;

/** A mock server and in-memory telemetry shared by one test file, reset between tests. */
export interface OpenAITestContext {
  server: MockLLMServer;
  telemetry: TestTelemetry;
  /** A real client pointed at the mock, wrapped with the test providers. */
  observed(options?: ObserveOpenAIOptions, OpenAIClass?: typeof OpenAI7): OpenAI7;
  /** A real client pointed at the mock, not wrapped. */
  raw(OpenAIClass?: typeof OpenAI7): OpenAI7;
}

/** Registers the hooks and returns the context (fields filled in `beforeAll`). */
export function useOpenAITestContext(): OpenAITestContext {
  const context = {} as OpenAITestContext;
  beforeAll(async () => {
    context.server = await startMockLLMServer();
    context.telemetry = createTestTelemetry();
    context.raw = (OpenAIClass = OpenAI7) =>
      new OpenAIClass({ apiKey: "test-key", baseURL: context.server.openaiBaseURL, maxRetries: 0 });
    context.observed = (options = {}, OpenAIClass = OpenAI7) =>
      observeOpenAI(context.raw(OpenAIClass), {
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
