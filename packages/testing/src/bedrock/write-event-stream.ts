import type { ServerResponse } from "node:http";
import { EventStreamCodec, type MessageHeaders } from "@smithy/eventstream-codec";
import { sleep } from "../sleep.js";
import type { MockScript } from "../types.js";

/** One `application/vnd.amazon.eventstream` event: its `:event-type` and its JSON payload. */
export interface BedrockEvent {
  eventType: string;
  payload: unknown;
}

const codec = new EventStreamCodec(
  (bytes) => new TextDecoder().decode(bytes),
  (text) => new TextEncoder().encode(text),
);

/** Encodes one event message, as the Bedrock runtime frames it (prelude, headers, payload, CRCs). */
export function encodeBedrockEvent(event: BedrockEvent, rawPayload?: string): Uint8Array {
  const headers: MessageHeaders = {
    ":event-type": { type: "string", value: event.eventType },
    ":content-type": { type: "string", value: "application/json" },
    ":message-type": { type: "string", value: "event" },
  };
  const body = new TextEncoder().encode(rawPayload ?? JSON.stringify(event.payload));
  return codec.encode({ headers, body });
}

/** Encodes an exception message (`:message-type: exception`), Bedrock's mid-stream error. */
export function encodeBedrockException(exceptionType: string, message: string): Uint8Array {
  const headers: MessageHeaders = {
    ":exception-type": { type: "string", value: exceptionType },
    ":content-type": { type: "string", value: "application/json" },
    ":message-type": { type: "string", value: "exception" },
  };
  return codec.encode({ headers, body: new TextEncoder().encode(JSON.stringify({ message })) });
}

/**
 * Streams `events` as `application/vnd.amazon.eventstream`, applying the script's pacing and faults
 * (`cutAfterChunks`, `errorChunkAt` as a `modelStreamErrorException`, `malformedChunkAt` as an unparsable payload).
 */
export async function writeEventStream(options: {
  response: ServerResponse;
  events: BedrockEvent[];
  script: MockScript;
  signal: AbortSignal;
  requestId: string;
}): Promise<void> {
  const { response, events, script, signal } = options;
  response.writeHead(200, {
    "content-type": "application/vnd.amazon.eventstream",
    "x-amzn-requestid": options.requestId,
    "x-amzn-bedrock-content-type": "application/json",
  });
  response.flushHeaders();
  for (const [index, event] of events.entries()) {
    if (index === script.cutAfterChunks) return cut(response);
    await sleep(index === 0 ? (script.firstChunkDelayMs ?? 0) : (script.chunkDelayMs ?? 0), signal);
    if (signal.aborted) return;
    if (index === script.errorChunkAt) {
      await write(
        response,
        encodeBedrockException("modelStreamErrorException", "The Sightline mock failed mid-stream."),
      );
      response.end();
      return;
    }
    const raw = index === script.malformedChunkAt ? '{"malformed": ' : undefined;
    await write(response, encodeBedrockEvent(event, raw));
  }
  if (script.cutAfterChunks !== undefined) return cut(response);
  response.end();
}

function write(response: ServerResponse, bytes: Uint8Array): Promise<void> {
  return new Promise((resolve) => {
    response.write(bytes, () => resolve());
  });
}

function cut(response: ServerResponse): void {
  response.socket?.destroy();
  response.destroy();
}
