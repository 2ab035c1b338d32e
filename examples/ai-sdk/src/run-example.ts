import { createOpenAI } from "@ai-sdk/openai";
import { startExampleBackends } from "@example/shared";
import { sightlineTelemetry } from "@sightline/ai-sdk";
import { registerTelemetry, stepCountIs, streamText, ToolLoopAgent, tool } from "ai";
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

const weather = tool({
  description: "Current weather in a city",
  inputSchema: z.object({ city: z.string() }),
  execute: async ({ city }) => ({ city, temperature: 21, sky: "clear" }),
});

/**
 * An AI SDK app traced by `@sightline/ai-sdk`: streamText with a tool, then a ToolLoopAgent. Offline,
 * the model calls go to the local mock LLM server and the traces to `sightline dev` in this process.
 * Ends by itself and resolves with everything it printed.
 */
export async function runExample(options: RunExampleOptions): Promise<string> {
  const { mock, telemetry, write, close } = await startExampleBackends({
    ...options,
    serviceName: "sightline-ai-sdk-example",
  });
  const apiKey = options.env.OPENAI_API_KEY;

  // The one line this example is about.
  registerTelemetry(sightlineTelemetry());

  const openai = createOpenAI({
    apiKey: apiKey ?? "example",
    ...(mock ? { baseURL: mock.openaiBaseURL } : {}),
  });
  const model = openai("gpt-4o-mini");
  write(`AI SDK example: ${mock ? `local mock server ${mock.url}` : "OpenAI (OPENAI_API_KEY is set)"}\n`);
  let output = "";
  try {
    write("\n▸ 1. streamText with a tool\n");
    mock?.enqueue(
      { toolCalls: [{ name: "weather", arguments: '{"city":"Paris"}' }] },
      { text: "It is 21 °C and clear in Paris." },
    );
    const result = streamText({
      model,
      prompt: "What is the weather in Paris?",
      tools: { weather },
      stopWhen: stepCountIs(3),
      telemetry: { functionId: "weather-chat" },
    });
    let text = "";
    for await (const delta of result.textStream) text += delta;
    write(`  answer: ${text}\n`);
    await telemetry.flush();

    write("\n▸ 2. a ToolLoopAgent\n");
    mock?.enqueue(
      { toolCalls: [{ name: "weather", arguments: '{"city":"Oslo"}' }] },
      { toolCalls: [{ name: "weather", arguments: '{"city":"Rome"}' }] },
      { text: "Rome is warmer than Oslo today." },
    );
    const agent = new ToolLoopAgent({
      model,
      instructions: "Compare the weather of two cities.",
      tools: { weather },
      stopWhen: stepCountIs(5),
      telemetry: { functionId: "weather-agent" },
    });
    const answer = await agent.generate({ prompt: "Is Oslo or Rome warmer today?" });
    write(`  answer: ${answer.text}\n`);
  } finally {
    output = await close();
  }
  return output;
}
