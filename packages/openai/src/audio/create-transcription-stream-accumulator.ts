import {
  asFields,
  asString,
  ChunkFlags,
  type GenAIResponse,
  type StreamAccumulator,
} from "@sightline/core/provider";
import { mapTranscriptionTokens } from "./map-transcription-response.js";

/**
 * Follows a streamed transcription (GPT transcribe models): `transcript.text.delta` events are output;
 * `transcript.text.done` carries the whole text and the token usage.
 */
export function createTranscriptionStreamAccumulator(): StreamAccumulator<unknown> {
  let done: Record<string, unknown> | undefined;
  return {
    // Never hides a chunk, so the stream is observed from the side (no promise of its own per chunk).
    mayHideChunks: false,
    add(event) {
      const fields = asFields(event);
      const type = asString(fields.type);
      if (type === "transcript.text.delta") return ChunkFlags.Output;
      if (type === "transcript.text.done") done = fields;
      return ChunkFlags.None;
    },
    finish(): GenAIResponse {
      // A stream that never finished reported no finish reason; its failure is the span's status.
      if (!done) return {};
      const usage = asFields(done.usage);
      const text = asString(done.text) ?? "";
      return {
        usage: usage.type === "tokens" ? mapTranscriptionTokens(usage) : undefined,
        outputMessages: () => [
          { role: "assistant", parts: [{ type: "text", content: text }], finish_reason: "stop" },
        ],
      };
    },
  };
}
