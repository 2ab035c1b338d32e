import {
  appendCapturedText,
  asArray,
  asFields,
  asString,
  ChunkFlags,
  type GenAIResponse,
  type GenAIUsage,
  type StreamAccumulator,
} from "@sightline/core/provider";
import { mapOpenAIUsage } from "../map-openai-usage.js";
import { mapCompletionsResponse } from "./map-completions-response.js";

/**
 * Folds legacy completion chunks (`choices[].text`, one `finish_reason` per choice, usage in a last chunk
 * without choices) into a response. Text is joined only when content is captured.
 * `hideUsageChunk` hides the usage-only chunk the wrapper asked for on the caller's behalf.
 */
export function createCompletionsStreamAccumulator(options: {
  captureContent: boolean;
  hideUsageChunk: boolean;
  maxContentLength: number;
}): StreamAccumulator<unknown> {
  const { captureContent, hideUsageChunk, maxContentLength } = options;
  let id: string | undefined;
  let model: string | undefined;
  let fingerprint: string | undefined;
  let usage: GenAIUsage | undefined;
  const choices: { text: string; finishReason?: string }[] = [];
  return {
    mayHideChunks: hideUsageChunk,
    add(chunk) {
      const fields = asFields(chunk);
      id ??= asString(fields.id);
      model ??= asString(fields.model);
      fingerprint ??= asString(fields.system_fingerprint);
      let flags: number = ChunkFlags.None;
      const chunkChoices = asArray(fields.choices);
      for (const raw of chunkChoices) {
        const choice = asFields(raw);
        const index = typeof choice.index === "number" ? choice.index : 0;
        choices[index] ??= { text: "" };
        const state = choices[index];
        const text = choice.text;
        if (typeof text === "string" && text.length > 0) {
          flags |= ChunkFlags.Output;
          if (captureContent) state.text = appendCapturedText(state.text, text, maxContentLength);
        }
        const finishReason = asString(choice.finish_reason);
        if (finishReason) state.finishReason = finishReason;
      }
      if (fields.usage && typeof fields.usage === "object") {
        usage = mapOpenAIUsage(fields.usage);
        if (hideUsageChunk && chunkChoices.length === 0) flags |= ChunkFlags.Hide;
      }
      return flags;
    },
    finish(): GenAIResponse {
      const response = mapCompletionsResponse({
        id,
        model,
        system_fingerprint: fingerprint,
        choices: Array.from(choices, (choice, index) => ({
          index,
          text: choice?.text ?? "",
          finish_reason: choice?.finishReason,
        })),
      });
      response.usage = usage;
      if (choices.length === 0) response.finishReasons = undefined;
      return response;
    },
  };
}
