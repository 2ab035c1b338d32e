import { startExampleBackends } from "@example/shared";
import {
  Agent,
  run,
  setDefaultOpenAIClient,
  setTraceProcessors,
  setTracingDisabled,
  tool,
} from "@openai/agents";
import { observeOpenAI } from "@sightline/openai";
import { createSightlineTracingProcessor } from "@sightline/openai-agents";
import OpenAI from "openai";
import { z } from "zod";

/** Options of {@link runExample}. */
export interface RunExampleOptions {
  /** Where the example's text goes. */
  write: (text: string) => void;
  /** Environment: `OPENAI_API_KEY` switches to OpenAI, `OTEL_EXPORTER_OTLP_ENDPOINT` to your backend. */
  env: Record<string, string | undefined>;
  /** ANSI colors in the trace view. */
  color: boolean;
}

const getWeather = tool({
  name: "get_weather",
  description: "Current weather in a city",
  parameters: z.object({ city: z.string() }),
  execute: async ({ city }) => JSON.stringify({ city, temperature: 21, sky: "clear" }),
});

/**
 * An OpenAI Agents SDK app traced by `@sightline/openai-agents` (agent, tool and handoff spans) and
 * `@sightline/openai` (the model calls, which it could refuse in enforce mode): a triage agent hands a
 * weather question to a weather agent that calls a tool. Offline, the model calls go to the local mock
 * LLM server and the traces to `sightline dev` in this process. Resolves with everything it printed.
 */
export async function runExample(options: RunExampleOptions): Promise<string> {
  const { mock, write, close } = await startExampleBackends({
    ...options,
    serviceName: "sightline-openai-agents-example",
  });
  const apiKey = options.env.OPENAI_API_KEY;

  // The two lines this example is about: the SDK's traces go to Sightline only (not to OpenAI's
  // trace exporter), and the model calls go through an observed client.
  setTraceProcessors([createSightlineTracingProcessor()]);
  setDefaultOpenAIClient(
    observeOpenAI(
      new OpenAI({ apiKey: apiKey ?? "example", ...(mock ? { baseURL: mock.openaiBaseURL } : {}) }),
    ),
  );
  setTracingDisabled(false); // the SDK turns tracing off when NODE_ENV=test (this example's CI test)

  const weather = new Agent({
    name: "Weather agent",
    instructions: "Answer weather questions with get_weather.",
    model: "gpt-4o-mini",
    tools: [getWeather],
  });
  const triage = new Agent({
    name: "Triage agent",
    instructions: "Hand weather questions to the weather agent.",
    model: "gpt-4o-mini",
    handoffs: [weather],
  });
  write(
    `OpenAI Agents example: ${mock ? `local mock server ${mock.url}` : "OpenAI (OPENAI_API_KEY is set)"}\n`,
  );
  let output = "";
  try {
    write("\n▸ 1. a triage agent hands off to a weather agent with a tool\n");
    mock?.enqueue(
      { toolCalls: [{ name: "transfer_to_Weather_agent", arguments: "{}" }] },
      { toolCalls: [{ name: "get_weather", arguments: '{"city":"Paris"}' }] },
      { text: "It is 21 °C and clear in Paris." },
    );
    const result = await run(triage, "What is the weather in Paris?");
    write(`  answer: ${String(result.finalOutput)}\n`);
  } finally {
    output = await close();
  }
  return output;
}
