import { startExampleBackends } from "@example/shared";
import { tool } from "@langchain/core/tools";
import { createReactAgent } from "@langchain/langgraph/prebuilt";
import { ChatOpenAI } from "@langchain/openai";
import { createSightlineCallbackHandler, registerSightlineCallbackHandler } from "@sightline/langchain";
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

const weather = tool(
  async ({ city }: { city: string }) => JSON.stringify({ city, temperature: 21, sky: "clear" }),
  {
    name: "weather",
    description: "Current weather in a city",
    schema: z.object({ city: z.string() }),
  },
);

/**
 * A LangGraph ReAct agent with a tool, traced by `@sightline/langchain`, then a streamed chat call.
 * Offline, the model calls go to the local mock LLM server and the traces to `sightline dev` in this
 * process. Ends by itself and resolves with everything it printed.
 */
export async function runExample(options: RunExampleOptions): Promise<string> {
  const { mock, telemetry, write, close } = await startExampleBackends({
    ...options,
    serviceName: "sightline-langchain-example",
  });
  const apiKey = options.env.OPENAI_API_KEY;

  // The one line this example is about: every LangChain run from here on is traced.
  registerSightlineCallbackHandler(createSightlineCallbackHandler());

  const model = new ChatOpenAI({
    model: "gpt-4o-mini",
    apiKey: apiKey ?? "example",
    maxRetries: 0,
    ...(mock ? { configuration: { baseURL: mock.openaiBaseURL } } : {}),
  });
  write(`LangChain example: ${mock ? `local mock server ${mock.url}` : "OpenAI (OPENAI_API_KEY is set)"}\n`);
  let output = "";
  try {
    write("\n▸ 1. a LangGraph ReAct agent with a tool\n");
    mock?.enqueue(
      { toolCalls: [{ name: "weather", arguments: '{"city":"Paris"}' }] },
      { text: "It is 21 °C and clear in Paris." },
    );
    const agent = createReactAgent({ llm: model, tools: [weather], name: "weather_agent" });
    const result = await agent.invoke({
      messages: [{ role: "user", content: "What is the weather in Paris?" }],
    });
    write(`  answer: ${String(result.messages.at(-1)?.content)}\n`);
    await telemetry.flush();

    write("\n▸ 2. a streamed chat call\n");
    mock?.enqueue({ text: "Paris, Oslo and Rome.", chunks: 6 });
    let text = "";
    for await (const chunk of await model.stream("Name three European capitals."))
      text += String(chunk.content);
    write(`  answer: ${text}\n`);
  } finally {
    output = await close();
  }
  return output;
}
