import type Anthropic from "@anthropic-ai/sdk";
import type { Message, RawMessageStreamEvent } from "@anthropic-ai/sdk/resources/messages";
import type { Stream } from "@anthropic-ai/sdk/streaming";
import { createDriftMonitor, createPriceRegistry, withContext } from "@sightline/core";
import { runProviderConformance } from "@sightline/testing/conformance";
import { observeAnthropic } from "./observe-anthropic.js";
import { ANTHROPIC_VERSIONS } from "./test-helpers.js";
import type { ObserveAnthropicOptions } from "./types.js";

// The shared provider suite (@sightline/testing/conformance), on messages.create of each supported SDK major.
for (const [label, AnthropicClass] of ANTHROPIC_VERSIONS) {
  const body = (model: string, prompt: string) => ({
    model,
    max_tokens: 100,
    messages: [{ role: "user" as const, content: prompt }],
  });
  runProviderConformance<Anthropic, Message, Stream<RawMessageStreamEvent>, RawMessageStreamEvent>({
    name: `${label} messages`,
    providerName: "anthropic",
    operationName: "chat",
    stopFinishReason: "end_turn",
    scopeName: "@sightline/anthropic",
    pricedModel: "claude-sonnet-4-20250514",
    core: { withContext, createPriceRegistry, createDriftMonitor },
    createClient: (server) => new AnthropicClass({ apiKey: "test-key", baseURL: server.url, maxRetries: 0 }),
    // The suite builds its registry and monitor with the core functions passed in `core`.
    wrap: (client, options) => observeAnthropic(client, options as ObserveAnthropicOptions),
    call: (client, { model, prompt, signal }) => client.messages.create(body(model, prompt), { signal }),
    stream: (client, { model, prompt, signal }) =>
      client.messages.create({ ...body(model, prompt), stream: true }, { signal }),
    resultText: (message) =>
      message.content.map((block) => (block.type === "text" ? block.text : "")).join(""),
    responseId: (message) => message.id,
    chunkText: (event) =>
      event.type === "content_block_delta" && event.delta.type === "text_delta" ? event.delta.text : "",
    // message_start, content_block_start, content_block_stop, message_delta and message_stop.
    extraChunks: 5,
    tee: (stream) => stream.tee(),
    toReadableStream: (stream) => stream.toReadableStream() as ReadableStream<Uint8Array>,
    abortStream: (stream) => stream.controller.abort(),
    streamWithResponse: async (client, { model, prompt }) => {
      const { data, response } = await client.messages
        .create({ ...body(model, prompt), stream: true })
        .withResponse();
      return { data, response };
    },
    asResponse: (client, { model, prompt }) => client.messages.create(body(model, prompt)).asResponse(),
  });
}
