import {
  asFields,
  asString,
  ChunkFlags,
  type GenAIResponse,
  type StreamAccumulator,
} from "@sightline/core/provider";
import { mapResponsesResponse } from "./map-responses-response.js";

/** Event types whose payload is model output (for time-per-output-chunk). */
const OUTPUT_EVENTS = new Set([
  "response.output_text.delta",
  "response.refusal.delta",
  "response.function_call_arguments.delta",
  "response.reasoning_summary_text.delta",
  "response.reasoning_text.delta",
]);

/** Events that carry the whole response: the last one seen describes the call. */
const RESPONSE_EVENTS = new Set([
  "response.created",
  "response.in_progress",
  "response.completed",
  "response.incomplete",
  "response.failed",
]);

/**
 * Follows Responses API stream events. The terminal event carries the complete response (usage
 * and output included), so nothing is joined here, whether or not content is captured.
 */
export function createResponsesStreamAccumulator(): StreamAccumulator<unknown> {
  let lastResponse: unknown;
  let errorCode: string | undefined;
  let errorMessage: string | undefined;
  return {
    // Never hides a chunk, so the stream is observed from the side (no promise of its own per chunk).
    mayHideChunks: false,
    add(event) {
      const fields = asFields(event);
      const type = asString(fields.type);
      if (type && OUTPUT_EVENTS.has(type)) return ChunkFlags.Output;
      if (type && RESPONSE_EVENTS.has(type)) lastResponse = fields.response;
      else if (type === "error") {
        errorCode = asString(fields.code) ?? "error";
        errorMessage = asString(fields.message);
      }
      return ChunkFlags.None;
    },
    finish(): GenAIResponse {
      const response = lastResponse === undefined ? {} : mapResponsesResponse(lastResponse);
      // An error event is not a finish reason: it becomes the span's error status and `error.type`.
      if (errorCode) {
        response.streamError = { type: errorCode, message: errorMessage };
      }
      return response;
    },
  };
}
