import {
  Agent,
  BatchTraceProcessor,
  OpenAIProvider,
  Runner,
  setDefaultOpenAIClient,
  setTraceProcessors,
  setTracingDisabled,
  type TracingProcessor,
  tool,
} from "@openai/agents";
import type { SightlineOptions } from "@sightline/core";
import { observeOpenAI } from "@sightline/openai";
import { type MockLLMContext, useMockLLMContext } from "@sightline/testing/vitest";
import OpenAI from "openai";
import { afterAll, afterEach, beforeAll } from "vitest";
import { z } from "zod";
import { createSightlineTracingProcessor } from "./create-sightline-tracing-processor.js";
import type { SightlineAgentsOptions } from "./types.js";

/** What one test turns on: the tracing processor, the observed default client, or both. */
export interface AgentsSetup {
  processor?: SightlineAgentsOptions | false;
  wrapper?: SightlineOptions | false;
  /** Register the SDK's batch processor first, as `addTraceProcessor` after the default one does (ours then hears of each span a tick later). */
  after?: boolean;
}

/** The mock, test telemetry, and a switch for the SDK's processor and default client. */
export interface AgentsTestContext extends MockLLMContext {
  /**
   * Installs the processor (only it: the SDK's default OpenAI exporter is replaced) and the default
   * client, and returns a runner whose fresh OpenAI provider reads that client (the SDK's shared
   * provider keeps the first client it saw).
   */
  setup(options: AgentsSetup): Runner;
  /** Every URL fetched during the test file (the model calls, and anything the SDK would export). */
  fetched: string[];
}

/** Registers the mock-server hooks, keeps the SDK's traces on with Sightline's processor only, and records every fetch. */
export function useAgentsTestContext(): AgentsTestContext {
  const ctx = useMockLLMContext<{ fetched: string[] }>({ fetched: [] }) as AgentsTestContext;
  const originalFetch = globalThis.fetch;
  let processor: ReturnType<typeof createSightlineTracingProcessor> | undefined;
  beforeAll(() => {
    setTracingDisabled(false);
    globalThis.fetch = ((input: Parameters<typeof fetch>[0], init?: RequestInit) => {
      ctx.fetched.push(typeof input === "string" ? input : input instanceof URL ? input.href : input.url);
      return originalFetch(input, init);
    }) as typeof fetch;
  });
  afterEach(async () => {
    await processor?.shutdown();
    processor = undefined;
    setTraceProcessors([]);
  });
  afterAll(() => {
    globalThis.fetch = originalFetch;
  });
  ctx.setup = ({ processor: processorOptions = {}, wrapper = false, after = false }) => {
    const providers = {
      tracerProvider: ctx.telemetry.tracerProvider,
      meterProvider: ctx.telemetry.meterProvider,
    };
    processor =
      processorOptions === false
        ? undefined
        : createSightlineTracingProcessor({ ...providers, ...processorOptions });
    setTraceProcessors(processor ? [...(after ? [createSlowProcessor()] : []), processor] : []);
    const client = new OpenAI({ baseURL: ctx.server.openaiBaseURL, apiKey: "test-key", maxRetries: 0 });
    setDefaultOpenAIClient(wrapper === false ? client : observeOpenAI(client, { ...providers, ...wrapper }));
    return new Runner({ modelProvider: new OpenAIProvider() });
  };
  return ctx;
}

/** The SDK's own batch processor (the class its default processor is) with an exporter that sends nothing. */
function createSlowProcessor(): TracingProcessor {
  return new BatchTraceProcessor({ export: async () => {} });
}

/** A weather agent with a function tool, and a triage agent that hands off to it. */
export function createHandoffAgents(): { triage: Agent; weather: Agent } {
  const getWeather = tool({
    name: "get_weather",
    description: "The weather in a city",
    parameters: z.object({ city: z.string() }),
    execute: async ({ city }) => `Sunny in ${city}`,
  });
  const weather = new Agent({
    name: "Weather agent",
    instructions: "Answer weather questions with the tool.",
    model: "gpt-4o",
    tools: [getWeather],
  });
  const triage = new Agent({
    name: "Triage agent",
    instructions: "Hand weather questions to the weather agent.",
    model: "gpt-4o",
    handoffs: [weather],
  });
  return { triage, weather };
}

/** Scripts the three model calls of the handoff run: handoff, tool call, answer. */
export function enqueueHandoffRun(ctx: MockLLMContext): void {
  ctx.server.enqueue(
    {
      toolCalls: [{ id: "call_handoff", name: "transfer_to_Weather_agent", arguments: "{}" }],
      usage: { inputTokens: 1000, outputTokens: 20 },
    },
    {
      toolCalls: [{ id: "call_weather", name: "get_weather", arguments: '{"city":"Paris"}' }],
      usage: { inputTokens: 1200, outputTokens: 30, cachedInputTokens: 200 },
    },
    { text: "It is sunny in Paris.", usage: { inputTokens: 1500, outputTokens: 40, reasoningTokens: 10 } },
  );
}

// Span lookups shared by every package's tests.
export { idOf, parentOf, spansNamed } from "@sightline/testing";

/** How many calls the duration histogram has counted so far (metrics are cumulative across tests). */
export async function durationCount(ctx: MockLLMContext): Promise<number> {
  const points = await ctx.telemetry.metricPoints("gen_ai.client.operation.duration");
  return points.reduce((total, point) => total + ((point as { count?: number }).count ?? 0), 0);
}

export { settle, waitForSpans } from "@sightline/testing/vitest";
