import {
  type AccumulatorSettings,
  appendCapturedText,
  asFields,
  ChunkFlags,
  type GenAIResponse,
  type StreamAccumulator,
} from "@sightline/core/provider";
import { decodeJsonBytes } from "./decode-json-bytes.js";
import { buildInvokeResponse } from "./map-invoke-response.js";
import type { InvokeBodyReading } from "./read-invoke-body.js";
import { readInvokeBody } from "./read-invoke-body.js";

/**
 * Folds `InvokeModelWithResponseStream` events (`{ chunk: { bytes } }`, each the family's JSON chunk) into a
 * response: each chunk's bytes are decoded on the side (the caller still reads the same bytes); later values win,
 * the invocation metrics on the last chunk give the token counts. Text is kept only when content is captured.
 */
export function createInvokeStreamAccumulator(
  settings: AccumulatorSettings,
  requestId: string | undefined,
): StreamAccumulator<unknown> {
  const state: InvokeBodyReading = {};
  let text: string | undefined;
  return {
    add(event) {
      const bytes = asFields(asFields(event).chunk).bytes;
      if (bytes === undefined) return ChunkFlags.None;
      const reading = readInvokeBody(decodeJsonBytes(bytes));
      state.id ??= reading.id;
      state.model ??= reading.model;
      state.stopReason = reading.stopReason ?? state.stopReason;
      state.inputTokens = reading.inputTokens ?? state.inputTokens;
      state.outputTokens = reading.outputTokens ?? state.outputTokens;
      state.cacheReadInputTokens = reading.cacheReadInputTokens ?? state.cacheReadInputTokens;
      state.cacheCreationInputTokens = reading.cacheCreationInputTokens ?? state.cacheCreationInputTokens;
      state.cacheCreation1hInputTokens =
        reading.cacheCreation1hInputTokens ?? state.cacheCreation1hInputTokens;
      if (reading.text === undefined || reading.text === "") return ChunkFlags.None;
      if (settings.captureContent)
        text = appendCapturedText(text ?? "", reading.text, settings.maxContentLength);
      return ChunkFlags.Output;
    },
    finish(): GenAIResponse {
      return buildInvokeResponse({ ...state, text }, requestId);
    },
  };
}
