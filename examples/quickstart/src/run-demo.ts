import { context } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { InMemorySpanExporter, SimpleSpanProcessor, TracerProvider } from "@opentelemetry/sdk-trace";
import { withContext } from "@sightline/core";
import { observeOpenAI } from "@sightline/openai";
import { startMockLLMServer } from "@sightline/testing";
import OpenAI from "openai";
import { formatSpan } from "./format-span.js";

/**
 * Makes a few real `openai` SDK calls through the wrapper against the local mock LLM server and
 * prints each span as it ends. Returns the printed text (the test reads it).
 */
export async function runDemo(options: { write: (text: string) => void; color: boolean }): Promise<string> {
  const printed: string[] = [];
  const print = (text: string) => {
    printed.push(text);
    options.write(`${text}\n`);
  };
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  const exporter = new InMemorySpanExporter();
  const tracerProvider = new TracerProvider({
    spanProcessors: [
      new SimpleSpanProcessor({ exporter }),
      {
        onStart() {},
        onEnd: (span) => print(formatSpan(span, options.color)),
        forceFlush: async () => {},
        shutdown: async () => {},
      },
    ],
  });
  const server = await startMockLLMServer();
  const openai = observeOpenAI(new OpenAI({ apiKey: "demo", baseURL: server.openaiBaseURL, maxRetries: 0 }), {
    tracerProvider,
    captureContent: true,
    streamUsage: "inject",
  });
  try {
    print("— a chat call");
    server.enqueue({
      text: "Paris is the capital of France.",
      usage: { inputTokens: 14, outputTokens: 8, cachedInputTokens: 4 },
    });
    await withContext({ feature: "geography-quiz", conversationId: "demo-1" }, () =>
      openai.chat.completions.create({
        model: "gpt-4o-mini",
        messages: [{ role: "user", content: "Capital of France?" }],
      }),
    );

    print("— a streamed chat call");
    server.enqueue({ text: "Once upon a time, a span ended exactly once.", chunks: 8, chunkDelayMs: 15 });
    const stream = await openai.chat.completions.create({
      model: "gpt-4o",
      messages: [{ role: "user", content: "Tell me a very short story." }],
      stream: true,
    });
    for await (const _chunk of stream) {
      // the caller reads the stream as usual; the span follows it
    }

    print("— a tool call");
    server.enqueue({ toolCalls: [{ name: "get_weather", arguments: '{"city":"Oslo"}' }] });
    await openai.chat.completions.create({
      model: "gpt-4o",
      messages: [{ role: "user", content: "Weather in Oslo?" }],
      tools: [{ type: "function", function: { name: "get_weather", parameters: { type: "object" } } }],
    });

    print("— embeddings");
    await openai.embeddings.create({ model: "text-embedding-3-small", input: ["hello", "world"] });

    print("— a provider error (429), re-thrown unchanged");
    server.enqueue({ status: 429 });
    await openai.chat.completions
      .create({ model: "gpt-4o", messages: [{ role: "user", content: "hi" }] })
      .catch((error: unknown) => print(`  caller caught: ${(error as Error).constructor.name}`));
  } finally {
    await new Promise((resolve) => setTimeout(resolve, 20));
    await tracerProvider.shutdown();
    await server.close();
  }
  return printed.join("\n");
}
