import type { Attributes } from "@opentelemetry/api";
import {
  asArray,
  asFields,
  asString,
  collectFinishReasons,
  type GenAIResponse,
  type MessagePart,
  type OutputMessage,
} from "@sightline/core/provider";
import {
  ATTR_OPENAI_RESPONSE_SERVICE_TIER,
  ATTR_OPENAI_RESPONSE_SYSTEM_FINGERPRINT,
} from "@sightline/core/semconv";
import { mapOpenAIFinishReason } from "../map-openai-finish-reason.js";
import { mapOpenAIUsage } from "../map-openai-usage.js";
import { hasAzureContentFilter, readOpenAIRefusal } from "../read-openai-refusal.js";
import { mapChatToolCalls } from "./map-chat-tool-calls.js";
import { mapPerplexityBilledUnits } from "./map-perplexity-billed-units.js";
import { readReasoningText } from "./read-reasoning-text.js";

/** Maps a `chat.completion` body to core's response shape. */
export function mapChatResponse(body: unknown): GenAIResponse {
  const fields = asFields(body);
  const choices = asArray(fields.choices).map(asFields);
  const billedUnits = mapPerplexityBilledUnits(fields.usage);
  const finishReasons = collectFinishReasons(choices.map((choice) => asString(choice.finish_reason)));
  return {
    id: asString(fields.id),
    model: asString(fields.model),
    finishReasons,
    refusal: readOpenAIRefusal({
      finishReasons,
      refused: choices.some((choice) => Boolean(asString(asFields(choice.message).refusal))),
      filtered: hasAzureContentFilter(fields),
    }),
    usage: mapOpenAIUsage(fields.usage),
    serviceTier: asString(fields.service_tier),
    systemFingerprint: asString(fields.system_fingerprint),
    attributes: openAIResponseAttributes(fields),
    billedUnits: billedUnits.length ? billedUnits : undefined,
    outputMessages: () =>
      choices.map((choice): OutputMessage => {
        const message = asFields(choice.message);
        const parts: MessagePart[] = [];
        const reasoning = readReasoningText(message);
        if (reasoning) parts.push({ type: "reasoning", content: reasoning });
        const content = asString(message.content);
        if (content) parts.push({ type: "text", content });
        const refusal = asString(message.refusal);
        if (refusal) parts.push({ type: "refusal", content: refusal });
        parts.push(...mapChatToolCalls(message.tool_calls));
        return {
          role: asString(message.role) ?? "assistant",
          parts,
          finish_reason: mapOpenAIFinishReason(asString(choice.finish_reason)),
        };
      }),
  };
}

/** `openai.response.*` attributes shared by chat bodies and chunks. */
export function openAIResponseAttributes(fields: Record<string, unknown>): Attributes {
  const attributes: Attributes = {};
  const fingerprint = asString(fields.system_fingerprint);
  if (fingerprint) attributes[ATTR_OPENAI_RESPONSE_SYSTEM_FINGERPRINT] = fingerprint;
  const tier = asString(fields.service_tier);
  if (tier) attributes[ATTR_OPENAI_RESPONSE_SERVICE_TIER] = tier;
  return attributes;
}
