import { splitText } from "../split-text.js";
import type { SseFrame } from "../write-sse.js";
import { buildAnthropicUsage, MOCK_THINKING_SIGNATURE } from "./build-anthropic-message.js";
import type { AnthropicAnswer } from "./resolve-anthropic-answer.js";

/**
 * The named SSE events of a streamed message: `message_start` (input usage), per block
 * `content_block_start` / `content_block_delta`s / `content_block_stop`, then `message_delta`
 * (stop reason, output usage) and `message_stop`.
 */
export function buildAnthropicMessageEvents(options: {
  answer: AnthropicAnswer;
  sequence: number;
  chunks: number;
}): SseFrame[] {
  const { answer, chunks } = options;
  const usage = buildAnthropicUsage(answer);
  const events: Record<string, unknown>[] = [];
  events.push({
    type: "message_start",
    message: {
      id: `msg_mock_${options.sequence}`,
      type: "message",
      role: "assistant",
      model: answer.model,
      content: [],
      stop_reason: null,
      stop_sequence: null,
      usage: { ...usage, output_tokens: 1 },
    },
  });
  let index = 0;
  const block = (start: Record<string, unknown>, deltas: Record<string, unknown>[]) => {
    events.push({ type: "content_block_start", index, content_block: start });
    for (const delta of deltas) events.push({ type: "content_block_delta", index, delta });
    events.push({ type: "content_block_stop", index });
    index++;
  };
  if (answer.thinking !== undefined) {
    block({ type: "thinking", thinking: "", signature: "" }, [
      ...splitText(answer.thinking, chunks).map((thinking) => ({ type: "thinking_delta", thinking })),
      { type: "signature_delta", signature: MOCK_THINKING_SIGNATURE },
    ]);
  }
  if (answer.text !== "") {
    block(
      { type: "text", text: "" },
      splitText(answer.text, chunks).map((text) => ({ type: "text_delta", text })),
    );
  }
  for (const call of answer.toolCalls) {
    block(
      { type: "tool_use", id: call.id, name: call.name, input: {} },
      splitText(call.arguments, chunks).map((partial_json) => ({ type: "input_json_delta", partial_json })),
    );
  }
  events.push({
    type: "message_delta",
    delta: { stop_reason: answer.stopReason, stop_sequence: null },
    usage: { output_tokens: usage.output_tokens },
  });
  events.push({ type: "message_stop" });
  return events.map((data) => ({ event: String(data.type), data }));
}
