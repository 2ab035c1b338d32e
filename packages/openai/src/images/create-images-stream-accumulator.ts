import {
  asFields,
  asString,
  ChunkFlags,
  type GenAIResponse,
  type StreamAccumulator,
} from "@sightline/core/provider";
import { mapImagesResponse } from "./map-images-response.js";

/**
 * Follows a streamed image generation or edit (GPT image models): partial images are output chunks; the
 * `*.completed` event carries the final image, its size and quality, and token usage.
 */
export function createImagesStreamAccumulator(params: unknown): StreamAccumulator<unknown> {
  let completed: Record<string, unknown> | undefined;
  return {
    // Never hides a chunk, so the stream is observed from the side (no promise of its own per chunk).
    mayHideChunks: false,
    add(event) {
      const fields = asFields(event);
      const type = asString(fields.type) ?? "";
      if (type.endsWith(".partial_image")) return ChunkFlags.Output;
      if (type.endsWith(".completed")) {
        completed = fields;
        return ChunkFlags.Output;
      }
      return ChunkFlags.None;
    },
    finish(): GenAIResponse {
      // A stream that never completed reported no finish reason; its failure is the span's status.
      if (!completed) return {};
      const { b64_json: data, size, quality, usage } = completed;
      return mapImagesResponse({ data: [{ b64_json: data }], size, quality, usage }, params);
    },
  };
}
