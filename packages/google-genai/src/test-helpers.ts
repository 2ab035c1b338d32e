import { GoogleGenAI, type GoogleGenAIOptions } from "@google/genai";
import {
  createTestTelemetry,
  type MockLLMServer,
  startMockLLMServer,
  type TestTelemetry,
} from "@sightline/testing";
import { afterAll, afterEach, beforeAll } from "vitest";
import { observeGoogleGenAI } from "./observe-google-genai.js";
import type { ObserveGoogleGenAIOptions } from "./types.js";

/** A mock server and in-memory telemetry shared by one test file, reset between tests. */
export interface GoogleGenAITestContext {
  server: MockLLMServer;
  telemetry: TestTelemetry;
  /** A real client pointed at the mock, wrapped with the test providers. */
  observed(options?: ObserveGoogleGenAIOptions, clientOptions?: GoogleGenAIOptions): GoogleGenAI;
  /** A real client pointed at the mock, not wrapped. */
  raw(clientOptions?: GoogleGenAIOptions): GoogleGenAI;
}

/** Registers the hooks and returns the context (fields filled in `beforeAll`). */
export function useGoogleGenAITestContext(): GoogleGenAITestContext {
  const context = {} as GoogleGenAITestContext;
  beforeAll(async () => {
    context.server = await startMockLLMServer();
    context.telemetry = createTestTelemetry();
    context.raw = (clientOptions = {}) =>
      new GoogleGenAI({
        apiKey: "test-key",
        ...clientOptions,
        httpOptions: { baseUrl: context.server.url, ...clientOptions.httpOptions },
      });
    context.observed = (options = {}, clientOptions = {}) =>
      observeGoogleGenAI(context.raw(clientOptions), {
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
