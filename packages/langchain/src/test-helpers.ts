import { ChatAnthropic } from "@langchain/anthropic";
import { ChatOpenAI, OpenAI, OpenAIEmbeddings } from "@langchain/openai";
import { type MockLLMContext, useMockLLMContext } from "@sightline/testing/vitest";
import { SightlineCallbackHandler } from "./sightline-callback-handler.js";
import type { SightlineLangChainOptions } from "./types.js";

/** Real LangChain classes pointed at the mock, and the handler under test. */
export interface LangChainFactories {
  chatOpenAI(fields?: ConstructorParameters<typeof ChatOpenAI>[0]): ChatOpenAI;
  openAILLM(): OpenAI;
  chatAnthropic(model?: string): ChatAnthropic;
  openAIEmbeddings(): OpenAIEmbeddings;
  /** The handler, recording into the test providers. */
  handler(options?: SightlineLangChainOptions): SightlineCallbackHandler;
}

/** A mock server and in-memory telemetry shared by one test file, with LangChain factories. */
export type LangChainTestContext = MockLLMContext & LangChainFactories;

/** Registers the shared mock-server hooks and adds LangChain factories to the context. */
export function useLangChainTestContext(): LangChainTestContext {
  const context: LangChainTestContext = useMockLLMContext<LangChainFactories>({
    chatOpenAI: (fields = {}) =>
      new ChatOpenAI({
        model: "gpt-4o",
        apiKey: "test-key",
        maxRetries: 0,
        ...fields,
        configuration: { baseURL: context.server.openaiBaseURL, ...fields.configuration },
      }),
    openAILLM: () =>
      new OpenAI({
        model: "gpt-3.5-turbo-instruct",
        apiKey: "test-key",
        maxRetries: 0,
        configuration: { baseURL: context.server.openaiBaseURL },
      }),
    chatAnthropic: (model = "claude-sonnet-4-5") =>
      new ChatAnthropic({ model, apiKey: "test-key", maxRetries: 0, anthropicApiUrl: context.server.url }),
    openAIEmbeddings: () =>
      new OpenAIEmbeddings({
        model: "text-embedding-3-small",
        apiKey: "test-key",
        maxRetries: 0,
        configuration: { baseURL: context.server.openaiBaseURL },
      }),
    handler: (options = {}) =>
      new SightlineCallbackHandler({
        tracerProvider: context.telemetry.tracerProvider,
        meterProvider: context.telemetry.meterProvider,
        ...options,
      }),
  });
  return context;
}

// Span lookups shared by every package's tests.
export { idOf, parentOf, spansNamed } from "@sightline/testing";

/** How many model calls the semconv duration histogram has counted so far (metrics are cumulative). */
export async function countedCalls(context: MockLLMContext): Promise<number> {
  const points = await context.telemetry.metricPoints("gen_ai.client.operation.duration");
  return points.reduce((sum, point) => sum + (point.count ?? 0), 0);
}

export { settle, waitForSpans } from "@sightline/testing/vitest";
