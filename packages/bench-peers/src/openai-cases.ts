import OpenAI from "openai";

const messages: OpenAI.Chat.ChatCompletionMessageParam[] = [
  { role: "user", content: "Summarise the quarterly report in one line." },
];

/** A real openai client aimed at the mock server (`baseURL`), fed by `fetch` when the bytes are replayed. */
export function createOpenAIClient(options: { baseURL: string; fetch?: typeof fetch }): OpenAI {
  return new OpenAI({
    apiKey: "bench",
    baseURL: options.baseURL,
    maxRetries: 0,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
}

/** One call of each OpenAI row, reading the whole result as an app would. */
export const OPENAI_CASES: Record<string, (client: OpenAI) => Promise<unknown>> = {
  chat: (client) => client.chat.completions.create({ model: "gpt-4o-mini", messages }),
  stream: async (client) => {
    const stream = await client.chat.completions.create({
      model: "gpt-4o-mini",
      messages,
      stream: true,
      stream_options: { include_usage: true },
    });
    for await (const _chunk of stream) {
      // read every chunk, as an app would
    }
  },
  embeddings: (client) =>
    client.embeddings.create({ model: "text-embedding-3-small", input: ["alpha", "beta"] }),
};
