import type { AnthropicAnswer } from "./resolve-anthropic-answer.js";

/** The mock's `signature` of a thinking block. */
export const MOCK_THINKING_SIGNATURE = "sig_mock";

/** The `usage` object of a message, Anthropic style. */
export function buildAnthropicUsage(answer: AnthropicAnswer): Record<string, unknown> {
  const usage = answer.usage;
  return {
    input_tokens: usage?.inputTokens ?? 0,
    output_tokens: usage?.outputTokens ?? 0,
    cache_creation_input_tokens: usage?.cacheCreationInputTokens ?? 0,
    cache_read_input_tokens: usage?.cacheReadInputTokens ?? 0,
    service_tier: "standard",
  };
}

/** The content blocks of a complete message: thinking, then text, then tool uses. */
export function buildAnthropicContent(answer: AnthropicAnswer): Record<string, unknown>[] {
  const content: Record<string, unknown>[] = [];
  if (answer.thinking !== undefined) {
    content.push({ type: "thinking", thinking: answer.thinking, signature: MOCK_THINKING_SIGNATURE });
  }
  if (answer.text !== "") content.push({ type: "text", text: answer.text });
  for (const call of answer.toolCalls) {
    content.push({ type: "tool_use", id: call.id, name: call.name, input: parseInput(call.arguments) });
  }
  return content;
}

/** A complete `message` object as `POST /v1/messages` returns it. */
export function buildAnthropicMessage(options: {
  answer: AnthropicAnswer;
  sequence: number;
}): Record<string, unknown> {
  const { answer } = options;
  return {
    id: `msg_mock_${options.sequence}`,
    type: "message",
    role: "assistant",
    model: answer.model,
    content: buildAnthropicContent(answer),
    stop_reason: answer.stopReason,
    stop_sequence: null,
    usage: buildAnthropicUsage(answer),
  };
}

function parseInput(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return {};
  }
}
