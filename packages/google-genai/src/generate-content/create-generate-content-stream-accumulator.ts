import {
  appendCapturedText,
  asArray,
  asFields,
  asNumber,
  asString,
  ChunkFlags,
  collectFinishReasons,
  type GenAIResponse,
  type MessagePart,
  type OutputMessage,
  type StreamAccumulator,
} from "@sightline/core/provider";
import { mapGeminiFinishReason } from "../map-gemini-finish-reason.js";
import { mapGeminiUsage } from "../map-gemini-usage.js";
import { readGeminiRefusal } from "../read-gemini-refusal.js";
import { mapGeminiPart } from "./map-gemini-parts.js";
import { mapPromptFeedback } from "./map-generate-content-response.js";

interface CandidateState {
  finishReason?: string;
  parts: MessagePart[];
  calledTool: boolean;
}

/**
 * Folds `generateContentStream` chunks (each a partial `GenerateContentResponse`) into a response:
 * the last `usageMetadata` wins (Gemini repeats running totals), finish reasons per candidate
 * index, the block reason of a blocked prompt. Parts are kept only when content is captured, with
 * consecutive text pieces joined.
 */
export function createGenerateContentStreamAccumulator(options: {
  captureContent: boolean;
  /** Longest text kept per part when capturing (the content bound). */
  maxContentLength: number;
}): StreamAccumulator<unknown> {
  const { captureContent, maxContentLength } = options;
  let id: string | undefined;
  let model: string | undefined;
  let usageMetadata: unknown;
  let promptFeedback: unknown;
  const candidates: CandidateState[] = [];

  return {
    // Never hides a chunk, so the stream is observed from the side (no promise of its own per chunk).
    mayHideChunks: false,
    add(chunk) {
      const fields = asFields(chunk);
      id ??= asString(fields.responseId);
      model ??= asString(fields.modelVersion);
      if (fields.usageMetadata) usageMetadata = fields.usageMetadata;
      if (fields.promptFeedback) promptFeedback = fields.promptFeedback;
      let flags: number = ChunkFlags.None;
      for (const rawCandidate of asArray(fields.candidates)) {
        const candidate = asFields(rawCandidate);
        const index = asNumber(candidate.index) ?? 0;
        let state = candidates[index];
        if (!state) {
          state = { parts: [], calledTool: false };
          candidates[index] = state;
        }
        state.finishReason = asString(candidate.finishReason) ?? state.finishReason;
        for (const rawPart of asArray(asFields(candidate.content).parts)) {
          const part = asFields(rawPart);
          if (part.functionCall) state.calledTool = true;
          if ((typeof part.text === "string" && part.text !== "") || part.functionCall)
            flags |= ChunkFlags.Output;
          if (captureContent) appendPart(state.parts, mapGeminiPart(rawPart), maxContentLength);
        }
      }
      return flags;
    },
    finish(): GenAIResponse {
      const finishReasons = collectFinishReasons(
        Array.from(candidates, (candidate) => candidate?.finishReason),
      );
      return {
        id,
        model,
        finishReasons,
        refusal: readGeminiRefusal({ finishReasons, promptFeedback }),
        usage: mapGeminiUsage(usageMetadata),
        attributes: mapPromptFeedback(promptFeedback),
        outputMessages: () =>
          Array.from(
            candidates,
            (candidate): OutputMessage => ({
              role: "assistant",
              parts: candidate?.parts ?? [],
              finish_reason: mapGeminiFinishReason(candidate?.finishReason, candidate?.calledTool ?? false),
            }),
          ),
      };
    },
  };
}

/** Joins a text or reasoning piece onto the previous part of the same kind. */
function appendPart(parts: MessagePart[], part: MessagePart, maxContentLength: number): void {
  const last = parts.at(-1);
  if (last && (part.type === "text" || part.type === "reasoning") && last.type === part.type) {
    const joined = last as { content: string };
    joined.content = appendCapturedText(
      joined.content,
      (part as { content: string }).content,
      maxContentLength,
    );
    return;
  }
  parts.push(part);
}
