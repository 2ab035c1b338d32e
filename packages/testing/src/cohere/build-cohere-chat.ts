import { splitText } from "../split-text.js";
import type { MockToolCall } from "../types.js";
import type { SseFrame } from "../write-sse.js";
import type { CohereAnswer } from "./resolve-cohere-answer.js";

/** A complete v2 `ChatResponse`: `{ id, finish_reason, message, usage }`. */
export function buildCohereChatResponse(answer: CohereAnswer): Record<string, unknown> {
  const message: Record<string, unknown> = { role: "assistant" };
  if (answer.text !== "") message.content = [{ type: "text", text: answer.text }];
  if (answer.toolCalls.length > 0) message.tool_calls = answer.toolCalls.map(toolCall);
  const response: Record<string, unknown> = { id: answer.id, finish_reason: answer.finishReason, message };
  if (answer.usage) response.usage = answer.usage;
  return response;
}

/**
 * The v2 chat stream's events, each an SSE frame with `event: <type>` and the event as data:
 * `message-start`, `content-start`, one `content-delta` per text piece, `content-end`, the tool
 * call events, and `message-end` with the finish reason and usage.
 */
export function buildCohereChatEvents(answer: CohereAnswer, chunks: number): SseFrame[] {
  const events: Record<string, unknown>[] = [
    {
      type: "message-start",
      id: answer.id,
      delta: { message: { role: "assistant", content: [], tool_plan: "", tool_calls: [], citations: [] } },
    },
  ];
  const pieces = splitText(answer.text, chunks);
  if (pieces.length > 0) {
    events.push({
      type: "content-start",
      index: 0,
      delta: { message: { content: { type: "text", text: "" } } },
    });
    for (const text of pieces)
      events.push({ type: "content-delta", index: 0, delta: { message: { content: { text } } } });
    events.push({ type: "content-end", index: 0 });
  }
  for (const [index, call] of answer.toolCalls.entries()) {
    events.push({ type: "tool-call-start", index, delta: { message: { tool_calls: toolCall(call) } } });
    events.push({ type: "tool-call-end", index });
  }
  const end: Record<string, unknown> = { finish_reason: answer.finishReason };
  if (answer.usage) end.usage = answer.usage;
  events.push({ type: "message-end", delta: end });
  return events.map((data) => ({ event: String(data.type), data }));
}

function toolCall(call: MockToolCall): Record<string, unknown> {
  return {
    id: call.id ?? `call_${call.name}`,
    type: "function",
    function: { name: call.name, arguments: call.arguments },
  };
}
