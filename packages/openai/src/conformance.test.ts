import { createDriftMonitor, createPriceRegistry, withContext } from "@sightline/core";
import { runProviderConformance } from "@sightline/testing/conformance";
import type OpenAI from "openai";
import type { ChatCompletion, ChatCompletionChunk } from "openai/resources/chat/completions";
import type { Stream } from "openai/streaming";
import { observeOpenAI } from "./observe-openai.js";
import { OPENAI_VERSIONS } from "./test-helpers.js";
import type { ObserveOpenAIOptions } from "./types.js";

// The shared provider suite (@sightline/testing/conformance), on chat.completions of each supported SDK major.
for (const [label, OpenAIClass] of OPENAI_VERSIONS) {
  const messages = (prompt: string) => [{ role: "user" as const, content: prompt }];
  runProviderConformance<OpenAI, ChatCompletion, Stream<ChatCompletionChunk>, ChatCompletionChunk>({
    name: `${label} chat.completions`,
    providerName: "openai",
    operationName: "chat",
    scopeName: "@sightline/openai",
    pricedModel: "gpt-4o-mini",
    core: { withContext, createPriceRegistry, createDriftMonitor },
    createClient: (server) =>
      new OpenAIClass({ apiKey: "test-key", baseURL: server.openaiBaseURL, maxRetries: 0 }),
    // The suite builds its registry and monitor with the core functions passed in `core`.
    wrap: (client, options) => observeOpenAI(client, options as ObserveOpenAIOptions),
    call: (client, { model, prompt, signal }) =>
      client.chat.completions.create({ model, messages: messages(prompt) }, { signal }),
    // Chat streams carry usage only when asked for.
    stream: (client, { model, prompt, signal }) =>
      client.chat.completions.create(
        { model, messages: messages(prompt), stream: true, stream_options: { include_usage: true } },
        { signal },
      ),
    resultText: (completion) => completion.choices[0]?.message.content ?? "",
    responseId: (completion) => completion.id,
    chunkText: (chunk) => chunk.choices[0]?.delta.content ?? "",
    // The role chunk, the finish chunk and the usage chunk.
    extraChunks: 3,
    tee: (stream) => stream.tee(),
    toReadableStream: (stream) => stream.toReadableStream() as ReadableStream<Uint8Array>,
    abortStream: (stream) => stream.controller.abort(),
    streamWithResponse: async (client, { model, prompt }) => {
      const { data, response } = await client.chat.completions
        .create({ model, messages: messages(prompt), stream: true })
        .withResponse();
      return { data, response };
    },
    asResponse: (client, { model, prompt }) =>
      client.chat.completions.create({ model, messages: messages(prompt) }).asResponse(),
  });
}
