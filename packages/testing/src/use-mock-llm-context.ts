import { afterAll, afterEach, beforeAll } from "vitest";
import { createTestTelemetry, type TestTelemetry } from "./create-test-telemetry.js";
import { startMockLLMServer } from "./start-mock-llm-server.js";
import type { MockLLMServer } from "./types.js";

/** A mock LLM server and in-memory telemetry shared by one test file, reset between tests. */
export interface MockLLMContext {
  /** The running mock server (set in `beforeAll`). */
  server: MockLLMServer;
  /** In-memory tracer and meter providers (set in `beforeAll`). */
  telemetry: TestTelemetry;
}

/**
 * Registers vitest hooks that start a mock server and test telemetry before the file's tests,
 * reset both between tests, and stop them after. Returns the context object, whose fields are
 * filled in `beforeAll`; provider suites add their client factories to it.
 * @example
 * const ctx = useMockLLMContext();
 * it("…", async () => { ctx.server.enqueue({ status: 429 }); … });
 */
export function useMockLLMContext<Extra extends object = object>(extra?: Extra): MockLLMContext & Extra {
  const context = Object.assign({} as MockLLMContext, extra) as MockLLMContext & Extra;
  beforeAll(async () => {
    context.server = await startMockLLMServer();
    context.telemetry = createTestTelemetry();
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

/** Waits until `count` spans have ended (spans end on the side, a few ticks after the caller's await). */
export async function waitForSpans(
  telemetry: TestTelemetry,
  count: number,
  timeoutMs = 2000,
): Promise<ReturnType<TestTelemetry["spans"]>> {
  const deadline = Date.now() + timeoutMs;
  while (telemetry.spans().length < count) {
    if (Date.now() > deadline) throw new Error(`expected ${count} spans, got ${telemetry.spans().length}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return telemetry.spans();
}

/** Waits a little longer, so a second (wrong) span would have ended too. */
export function settle(milliseconds = 30): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}
