import { createAnthropic } from "@ai-sdk/anthropic";
import { createGoogleGenerativeAI } from "@ai-sdk/google";
import { createOpenAI } from "@ai-sdk/openai";
import { type MockLLMContext, useMockLLMContext } from "@sightline/testing/vitest";
import type { LanguageModel, Telemetry } from "ai";
import { sightlineTelemetry } from "./sightline-telemetry.js";
import type { SightlineAISDKOptions } from "./types.js";

/** A provider model object (not a gateway string). */
type ProviderModel = Exclude<LanguageModel, string>;

/** The real AI SDK providers pointed at the mock, and the integration under test. */
export interface AISDKFactories {
  /** `@ai-sdk/openai` (Responses API, its default) against the mock. */
  openai(model?: string): ProviderModel;
  /** `@ai-sdk/openai`'s chat completions model against the mock. */
  openaiChat(model?: string): ProviderModel;
  /** `@ai-sdk/anthropic` against the mock. */
  anthropic(model?: string): ProviderModel;
  /** `@ai-sdk/google` against the mock. */
  google(model?: string): ProviderModel;
  /** `@ai-sdk/openai` itself, for embedding models. */
  openaiProvider(): ReturnType<typeof createOpenAI>;
  /** The integration, recording into the test providers; pass as `telemetry: { integrations: [...] }`. */
  integration(options?: SightlineAISDKOptions): Telemetry;
}

/** A mock server and in-memory telemetry shared by one test file, with AI SDK providers. */
export type AISDKTestContext = MockLLMContext & AISDKFactories;

/** Registers the shared mock-server hooks and adds AI SDK provider factories to the context. */
export function useAISDKTestContext(): AISDKTestContext {
  const context: AISDKTestContext = useMockLLMContext<AISDKFactories>({
    openaiProvider: () => createOpenAI({ baseURL: context.server.openaiBaseURL, apiKey: "test-key" }),
    openai: (model = "gpt-4o") => context.openaiProvider()(model),
    openaiChat: (model = "gpt-4o") => context.openaiProvider().chat(model),
    anthropic: (model = "claude-sonnet-4-5") =>
      createAnthropic({ baseURL: `${context.server.url}/v1`, apiKey: "test-key" })(model),
    google: (model = "gemini-2.5-flash") =>
      createGoogleGenerativeAI({ baseURL: `${context.server.url}/v1beta`, apiKey: "test-key" })(model),
    integration: (options = {}) =>
      sightlineTelemetry({
        tracerProvider: context.telemetry.tracerProvider,
        meterProvider: context.telemetry.meterProvider,
        ...options,
      }),
  });
  return context;
}

// Span lookups shared by every package's tests.
export { idOf, parentOf, spansNamed } from "@sightline/testing";

export { settle, waitForSpans } from "@sightline/testing/vitest";
