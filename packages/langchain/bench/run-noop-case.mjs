// Baseline for the handler's figures: "wrapped" passes a no-op BaseCallbackHandler (awaited, like
// Sightline's), so the difference to "raw" is LangChain's own callback machinery, which any handler
// switches on (run managers, run ids, the model's serialized form).
import { BaseCallbackHandler } from "@langchain/core/callbacks/base";
import { ChatOpenAI } from "@langchain/openai";
import { runOverheadCase } from "@sightline/testing/bench";

const prompt = "Summarise the quarterly report in one line.";

class NoopHandler extends BaseCallbackHandler {
  name = "noop";
  constructor() {
    super({ raiseError: true, _awaitHandler: true });
  }
  handleChatModelStart() {}
  handleLLMNewToken() {}
  handleLLMEnd() {}
}

await runOverheadCase({
  argv: process.argv.slice(2),
  createClient: ({ server, fetch }) => ({
    model: new ChatOpenAI({
      model: "gpt-4o-mini",
      apiKey: "bench",
      maxRetries: 0,
      configuration: { baseURL: server.openaiBaseURL, ...(fetch ? { fetch } : {}) },
    }),
    callbacks: undefined,
  }),
  observe: (client) => ({ ...client, callbacks: [new NoopHandler()] }),
  cases: {
    invoke: (client) => client.model.invoke(prompt, { callbacks: client.callbacks }),
    stream: async (client) => {
      const stream = await client.model.stream(prompt, { callbacks: client.callbacks });
      for await (const _chunk of stream) {
        // read every chunk, as an app would
      }
    },
  },
});
