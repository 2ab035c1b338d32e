import {
  type AccumulatorSettings,
  appendCapturedText,
  asArray,
  asFields,
  asString,
  ChunkFlags,
  collectFinishReasons,
  type GenAIResponse,
  type GenAIUsage,
  type MessagePart,
  type OutputMessage,
  type StreamAccumulator,
} from "@sightline/core/provider";
import { mapMistralContent, mapMistralToolCalls } from "./map-mistral-content.js";
import { mapMistralFinishReason } from "./map-mistral-finish-reason.js";
import { mapMistralUsage } from "./map-mistral-usage.js";

interface ChoiceState {
  finishReason?: string;
  text: string;
  reasoning: string;
  toolCalls: MessagePart[];
}

/**
 * Folds the events of `chat.stream` / `fim.stream` (`{ data: CompletionChunk }`) into a response: id
 * and model from the first chunk, finish reasons per choice index, usage from the last chunk (Mistral
 * always sends it there). Text and tool calls are kept only when content is captured. A chunk is
 * output when its delta has text, thinking or tool calls.
 */
export function createCompletionStreamAccumulator(settings: AccumulatorSettings): StreamAccumulator<unknown> {
  const { captureContent, maxContentLength } = settings;
  let id: string | undefined;
  let model: string | undefined;
  let usage: GenAIUsage | undefined;
  const choices: ChoiceState[] = [];

  return {
    // Never hides a chunk, so the stream is observed from the side (no promise of its own per chunk).
    mayHideChunks: false,
    add(event) {
      const outer = asFields(event);
      // The SDK yields `{ data: chunk }`; a bare chunk is read as well.
      const fields = outer.data && typeof outer.data === "object" ? asFields(outer.data) : outer;
      id ??= asString(fields.id);
      model ??= asString(fields.model);
      if (fields.usage) usage = mapMistralUsage(fields.usage) ?? usage;
      let flags: number = ChunkFlags.None;
      for (const rawChoice of asArray(fields.choices)) {
        const choice = asFields(rawChoice);
        const index = typeof choice.index === "number" ? choice.index : 0;
        let state = choices[index];
        if (!state) {
          state = { text: "", reasoning: "", toolCalls: [] };
          choices[index] = state;
        }
        const delta = asFields(choice.delta);
        for (const part of mapMistralContent(delta.content)) {
          const text = (part as { content?: unknown }).content;
          if (typeof text !== "string" || text === "") continue;
          flags |= ChunkFlags.Output;
          if (!captureContent) continue;
          if (part.type === "reasoning")
            state.reasoning = appendCapturedText(state.reasoning, text, maxContentLength);
          else state.text = appendCapturedText(state.text, text, maxContentLength);
        }
        const toolCalls = delta.toolCalls ?? delta.tool_calls;
        if (asArray(toolCalls).length > 0) {
          flags |= ChunkFlags.Output;
          if (captureContent) state.toolCalls.push(...mapMistralToolCalls(toolCalls));
        }
        const finishReason = asString(choice.finishReason ?? choice.finish_reason);
        if (finishReason) state.finishReason = finishReason;
      }
      return flags;
    },
    finish(): GenAIResponse {
      return {
        id,
        model,
        finishReasons: collectFinishReasons(
          Array.from(choices, (choice) =>
            choice?.finishReason === undefined ? undefined : mapMistralFinishReason(choice.finishReason),
          ),
        ),
        usage,
        outputMessages: () =>
          Array.from(choices, (choice): OutputMessage => {
            const parts: MessagePart[] = [];
            if (choice?.reasoning) parts.push({ type: "reasoning", content: choice.reasoning });
            if (choice?.text) parts.push({ type: "text", content: choice.text });
            parts.push(...(choice?.toolCalls ?? []));
            return { role: "assistant", parts, finish_reason: mapMistralFinishReason(choice?.finishReason) };
          }),
      };
    },
  };
}
