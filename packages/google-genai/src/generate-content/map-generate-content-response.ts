import type { Attributes } from "@opentelemetry/api";
import {
  asArray,
  asFields,
  asString,
  collectFinishReasons,
  type GenAIResponse,
  type OutputMessage,
} from "@sightline/core/provider";
import { mapGeminiFinishReason } from "../map-gemini-finish-reason.js";
import { mapGeminiUsage } from "../map-gemini-usage.js";
import { readGeminiRefusal } from "../read-gemini-refusal.js";
import { mapGeminiRole } from "./map-gemini-contents.js";
import { mapGeminiParts } from "./map-gemini-parts.js";

/** Why the prompt was blocked (`promptFeedback.blockReason`): the call succeeded, with no candidates. */
export const ATTR_GCP_GEMINI_PROMPT_BLOCK_REASON = "gcp.gemini.prompt_feedback.block_reason";

/** Maps a `GenerateContentResponse` to core's response shape, one output message per candidate. */
export function mapGenerateContentResponse(body: unknown): GenAIResponse {
  const fields = asFields(body);
  const candidates = asArray(fields.candidates).map(asFields);
  const finishReasons = collectFinishReasons(candidates.map((candidate) => asString(candidate.finishReason)));
  return {
    id: asString(fields.responseId),
    model: asString(fields.modelVersion),
    finishReasons,
    refusal: readGeminiRefusal({ finishReasons, promptFeedback: fields.promptFeedback }),
    usage: mapGeminiUsage(fields.usageMetadata),
    attributes: mapPromptFeedback(fields.promptFeedback),
    outputMessages: () =>
      candidates.map((candidate): OutputMessage => {
        const content = asFields(candidate.content);
        const parts = mapGeminiParts(content.parts);
        return {
          role: mapGeminiRole(asString(content.role) ?? "model"),
          parts,
          finish_reason: mapGeminiFinishReason(
            asString(candidate.finishReason),
            parts.some((part) => part.type === "tool_call"),
          ),
        };
      }),
  };
}

/** The block reason of a blocked prompt as a span attribute (a blocked prompt is no SDK error). */
export function mapPromptFeedback(feedback: unknown): Attributes | undefined {
  const blockReason = asString(asFields(feedback).blockReason);
  return blockReason ? { [ATTR_GCP_GEMINI_PROMPT_BLOCK_REASON]: blockReason } : undefined;
}
