import { createDriftMonitor, createPriceRegistry, withContext } from "@sightline/core";
import { runProviderConformance } from "@sightline/testing/conformance";
import type OpenAI from "openai";
import type { ChatCompletion, ChatCompletionChunk } from "openai/resources/chat/completions";
import type { Response, ResponseStreamEvent } from "openai/resources/responses/responses";
import type { Stream } from "openai/streaming";
import { observeOpenAI } from "./observe-openai.js";
import { OPENAI_VERSIONS } from "./test-helpers.js";
import type { ObserveOpenAIOptions } from "./types.js";

// The shared provider suite (@sightline/testing/conformance), on chat.completions and responses of each
// supported SDK major.
for (const [label, OpenAIClass] of OPENAI_VERSIONS) {
  const shared = {
    providerName: "openai",
    operationName: "chat",
    stopFinishReason: "stop",
    scopeName: "@sightline/openai",
    pricedModel: "gpt-4o-mini",
    core: { withContext, createPriceRegistry, createDriftMonitor },
    createClient: (server: { openaiBaseURL: string }) =>
      new OpenAIClass({ apiKey: "test-key", baseURL: server.openaiBaseURL, maxRetries: 0 }),
    // The suite builds its registry and monitor with the core functions passed in `core`.
    // The mock stands in for api.openai.com: on loopback it would be reported as openai_compatible.
    wrap: (client: OpenAI, options: object) =>
      observeOpenAI(client, { providerName: "openai", ...(options as ObserveOpenAIOptions) }),
  };
  const messages = (prompt: string) => [{ role: "user" as const, content: prompt }];

  runProviderConformance<OpenAI, ChatCompletion, Stream<ChatCompletionChunk>, ChatCompletionChunk>({
    ...shared,
    name: `${label} chat.completions`,
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

  runProviderConformance<OpenAI, Response, Stream<ResponseStreamEvent>, ResponseStreamEvent>({
    ...shared,
    name: `${label} responses`,
    call: (client, { model, prompt, signal }) =>
      client.responses.create({ model, input: prompt }, { signal }),
    stream: (client, { model, prompt, signal }) =>
      client.responses.create({ model, input: prompt, stream: true }, { signal }),
    resultText: (response) => response.output_text,
    responseId: (response) => response.id,
    chunkText: (event) => (event.type === "response.output_text.delta" ? event.delta : ""),
    // Events around the text deltas: created, in_progress, item and part added, text and part and item done, completed.
    extraChunks: 8,
    tee: (stream) => stream.tee(),
    toReadableStream: (stream) => stream.toReadableStream() as ReadableStream<Uint8Array>,
    abortStream: (stream) => stream.controller.abort(),
    streamWithResponse: async (client, { model, prompt }) => {
      const { data, response } = await client.responses
        .create({ model, input: prompt, stream: true })
        .withResponse();
      return { data, response };
    },
    asResponse: (client, { model, prompt }) => client.responses.create({ model, input: prompt }).asResponse(),
  });
}
