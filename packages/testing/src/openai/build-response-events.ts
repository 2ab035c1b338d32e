import { splitText } from "../split-text.js";
import type { SseFrame } from "../write-sse.js";
import {
  type BuildResponseOptions,
  buildResponse,
  buildResponseOutput,
  getResponseOutcome,
} from "./build-response.js";

/**
 * The Responses API stream: `response.created`, `response.in_progress`, per output item its added / delta /
 * done events, then `response.completed` (or `.incomplete` / `.failed`) with the full response.
 */
export function buildResponseEvents(options: BuildResponseOptions & { chunks: number }): SseFrame[] {
  const events: Record<string, unknown>[] = [];
  const add = (event: Record<string, unknown>) => {
    events.push({ ...event, sequence_number: events.length });
  };
  const inProgress = buildResponse({ ...options, state: "in_progress" });
  add({ type: "response.created", response: inProgress });
  add({ type: "response.in_progress", response: inProgress });
  for (const [outputIndex, item] of buildResponseOutput(options).entries()) {
    const itemId = item.id;
    if (item.type === "message" && options.answer.refusal !== null) {
      const refusal = options.answer.refusal;
      const location = { item_id: itemId, output_index: outputIndex, content_index: 0 };
      add({
        type: "response.output_item.added",
        output_index: outputIndex,
        item: { ...item, status: "in_progress", content: [] },
      });
      add({ type: "response.content_part.added", ...location, part: { type: "refusal", refusal: "" } });
      for (const delta of splitText(refusal, options.chunks)) {
        add({ type: "response.refusal.delta", ...location, delta });
      }
      add({ type: "response.refusal.done", ...location, refusal });
      add({ type: "response.content_part.done", ...location, part: { type: "refusal", refusal } });
    } else if (item.type === "message") {
      const text = options.answer.text ?? "";
      const emptyPart = { type: "output_text", text: "", annotations: [], logprobs: [] };
      const part = { ...emptyPart, text };
      const location = { item_id: itemId, output_index: outputIndex, content_index: 0 };
      add({
        type: "response.output_item.added",
        output_index: outputIndex,
        item: { ...item, status: "in_progress", content: [] },
      });
      add({ type: "response.content_part.added", ...location, part: emptyPart });
      for (const delta of splitText(text, options.chunks)) {
        add({ type: "response.output_text.delta", ...location, delta, logprobs: [] });
      }
      add({ type: "response.output_text.done", ...location, text, logprobs: [] });
      add({ type: "response.content_part.done", ...location, part });
    } else if (item.type !== "function_call") {
      add({
        type: "response.output_item.added",
        output_index: outputIndex,
        item: { ...item, status: "in_progress" },
      });
    } else {
      const argumentsText = String(item.arguments);
      const location = { item_id: itemId, output_index: outputIndex };
      add({
        type: "response.output_item.added",
        output_index: outputIndex,
        item: { ...item, status: "in_progress", arguments: "" },
      });
      for (const delta of splitText(argumentsText, options.chunks)) {
        add({ type: "response.function_call_arguments.delta", ...location, delta });
      }
      add({
        type: "response.function_call_arguments.done",
        ...location,
        name: item.name,
        arguments: argumentsText,
      });
    }
    add({ type: "response.output_item.done", output_index: outputIndex, item });
  }
  add({ type: getResponseOutcome(options.answer.finishReason).eventType, response: buildResponse(options) });
  return events.map((data) => ({ event: String(data.type), data }));
}
