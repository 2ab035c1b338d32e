import Anthropic from "@anthropic-ai/sdk";

const model = "claude-sonnet-4-20250514";
const messages: Anthropic.MessageParam[] = [
  { role: "user", content: "Summarise the quarterly report in one line." },
];

/** A real Anthropic client aimed at the mock server (`baseURL`), fed by `fetch` when the bytes are replayed. */
export function createAnthropicClient(options: { baseURL: string; fetch?: typeof fetch }): Anthropic {
  return new Anthropic({
    apiKey: "bench",
    baseURL: options.baseURL,
    maxRetries: 0,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
}

/** One call of each Anthropic row, reading the whole result as an app would. */
export const ANTHROPIC_CASES: Record<string, (client: Anthropic) => Promise<unknown>> = {
  messages: (client) => client.messages.create({ model, max_tokens: 200, messages }),
  stream: async (client) => {
    const stream = await client.messages.create({ model, max_tokens: 200, messages, stream: true });
    for await (const _event of stream) {
      // read every event, as an app would
    }
  },
};
