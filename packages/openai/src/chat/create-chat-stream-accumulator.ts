import {
  appendCapturedText,
  asArray,
  asFields,
  asString,
  ChunkFlags,
  collectFinishReasons,
  type GenAIBilledUnits,
  type GenAIResponse,
  type GenAIUsage,
  type MessagePart,
  type OutputMessage,
  parseArguments,
  type StreamAccumulator,
} from "@sightline/core/provider";
import { mapOpenAIFinishReason } from "../map-openai-finish-reason.js";
import { mapOpenAIUsage } from "../map-openai-usage.js";
import { hasAzureContentFilter, readOpenAIRefusal } from "../read-openai-refusal.js";
import { openAIResponseAttributes } from "./map-chat-response.js";
import { mapPerplexityBilledUnits } from "./map-perplexity-billed-units.js";
import { readReasoningText } from "./read-reasoning-text.js";

interface ChoiceState {
  finishReason?: string;
  text: string;
  reasoning: string;
  refusal: string;
  toolCalls: { id?: string; name: string; arguments: string }[];
}

/**
 * Folds `chat.completion.chunk`s into a response. Keeps only what the span needs (ids, finish
 * reasons, usage) unless content is captured, in which case text and tool-call pieces are joined.
 * `hideUsageChunk` hides the usage-only chunk that the wrapper requested on the caller's behalf.
 */
export function createChatStreamAccumulator(options: {
  captureContent: boolean;
  hideUsageChunk: boolean;
  /** Longest text kept per part when capturing (the content bound). */
  maxContentLength: number;
}): StreamAccumulator<unknown> {
  const { captureContent, hideUsageChunk, maxContentLength } = options;
  let id: string | undefined;
  let model: string | undefined;
  let usage: GenAIUsage | undefined;
  let billedUnits: GenAIBilledUnits[] = [];
  let responseFields: Record<string, unknown> = {};
  // Refusal signals are kept whether or not content is captured: a flag each, never the text.
  let refused = false;
  let filtered = false;
  const choices: ChoiceState[] = [];

  const choiceAt = (index: number): ChoiceState => {
    let state = choices[index];
    if (!state) {
      state = { text: "", reasoning: "", refusal: "", toolCalls: [] };
      choices[index] = state;
    }
    return state;
  };

  return {
    mayHideChunks: hideUsageChunk,
    add(chunk) {
      const fields = asFields(chunk);
      id ??= asString(fields.id);
      model ??= asString(fields.model);
      // OpenAI repeats these on every chunk: a new object only when they change, not one per chunk.
      if (
        (fields.system_fingerprint !== undefined || fields.service_tier !== undefined) &&
        (fields.system_fingerprint !== responseFields.system_fingerprint ||
          fields.service_tier !== responseFields.service_tier)
      ) {
        responseFields = { system_fingerprint: fields.system_fingerprint, service_tier: fields.service_tier };
      }
      let flags: number = ChunkFlags.None;
      if (!filtered && hasAzureContentFilter(fields)) filtered = true;
      const chunkChoices = asArray(fields.choices);
      for (const rawChoice of chunkChoices) {
        const choice = asFields(rawChoice);
        const index = typeof choice.index === "number" ? choice.index : 0;
        const state = choiceAt(index);
        const delta = asFields(choice.delta);
        const content = delta.content;
        if (typeof content === "string" && content.length > 0) {
          flags |= ChunkFlags.Output;
          if (captureContent) state.text = appendCapturedText(state.text, content, maxContentLength);
        }
        // DeepSeek, vLLM and others stream thinking as `reasoning_content`; OpenRouter and Groq as `reasoning`.
        const reasoning = readReasoningText(delta);
        if (reasoning) {
          flags |= ChunkFlags.Output;
          if (captureContent)
            state.reasoning = appendCapturedText(state.reasoning, reasoning, maxContentLength);
        }
        if (typeof delta.refusal === "string" && delta.refusal.length > 0) {
          flags |= ChunkFlags.Output;
          refused = true;
          if (captureContent)
            state.refusal = appendCapturedText(state.refusal, delta.refusal, maxContentLength);
        }
        if (Array.isArray(delta.tool_calls)) {
          flags |= ChunkFlags.Output;
          if (captureContent) appendToolCalls(state, delta.tool_calls, maxContentLength);
        }
        const finishReason = asString(choice.finish_reason);
        if (finishReason) state.finishReason = finishReason;
      }
      // Groq puts a stream's usage in `x_groq.usage` when the caller did not ask for a usage chunk.
      const chunkUsage = fields.usage ?? readGroqUsage(fields.x_groq);
      if (chunkUsage && typeof chunkUsage === "object") {
        usage = mapOpenAIUsage(chunkUsage);
        billedUnits = mapPerplexityBilledUnits(chunkUsage);
        if (hideUsageChunk && chunkChoices.length === 0) flags |= ChunkFlags.Hide;
      }
      return flags;
    },
    finish(): GenAIResponse {
      const finishReasons = collectFinishReasons(Array.from(choices, (choice) => choice?.finishReason));
      return {
        id,
        model,
        finishReasons,
        refusal: readOpenAIRefusal({ finishReasons, refused, filtered }),
        usage,
        billedUnits: billedUnits.length ? billedUnits : undefined,
        serviceTier: asString(responseFields.service_tier),
        systemFingerprint: asString(responseFields.system_fingerprint),
        attributes: openAIResponseAttributes(responseFields),
        outputMessages: () =>
          Array.from(choices, (choice): OutputMessage => {
            const parts: MessagePart[] = [];
            if (choice?.reasoning) parts.push({ type: "reasoning", content: choice.reasoning });
            if (choice?.text) parts.push({ type: "text", content: choice.text });
            if (choice?.refusal) parts.push({ type: "refusal", content: choice.refusal });
            for (const call of choice?.toolCalls ?? []) {
              parts.push({
                type: "tool_call",
                id: call.id,
                name: call.name,
                arguments: parseArguments(call.arguments),
              });
            }
            return { role: "assistant", parts, finish_reason: mapOpenAIFinishReason(choice?.finishReason) };
          }),
      };
    },
  };
}

function appendToolCalls(state: ChoiceState, deltas: unknown[], maxContentLength: number): void {
  for (const rawDelta of deltas) {
    const delta = asFields(rawDelta);
    const index = typeof delta.index === "number" ? delta.index : state.toolCalls.length;
    const fn = asFields(delta.function);
    let call = state.toolCalls[index];
    if (!call) {
      call = { id: asString(delta.id), name: "", arguments: "" };
      state.toolCalls[index] = call;
    }
    call.id ??= asString(delta.id);
    call.name += asString(fn.name) ?? "";
    call.arguments = appendCapturedText(call.arguments, asString(fn.arguments) ?? "", maxContentLength);
  }
}

/** `x_groq.usage`, read without allocating for the chunks (all but one) that have no `x_groq`. */
function readGroqUsage(value: unknown): unknown {
  return typeof value === "object" && value !== null ? (value as { usage?: unknown }).usage : undefined;
}
