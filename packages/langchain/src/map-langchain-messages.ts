import type { InputMessage, MessagePart, OutputMessage, RequestContent } from "@sightline/core/provider";

/** The fields Sightline reads from a LangChain message (`BaseMessage` or its serialized kwargs). */
export interface LangChainMessageLike {
  type?: string;
  role?: string;
  content?: unknown;
  name?: string;
  tool_calls?: { id?: string; name: string; args?: unknown }[];
  tool_call_id?: string;
  _getType?: () => string;
}

const ROLE_BY_TYPE: Readonly<Record<string, string>> = {
  human: "user",
  user: "user",
  ai: "assistant",
  assistant: "assistant",
  system: "system",
  developer: "system",
  tool: "tool",
  function: "tool",
  generic: "user",
};

/** The semconv role of a LangChain message. */
export function mapLangChainRole(message: LangChainMessageLike): string {
  let type = message.type;
  if (typeof type !== "string" && typeof message._getType === "function") type = message._getType();
  return ROLE_BY_TYPE[message.role ?? type ?? ""] ?? ROLE_BY_TYPE[type ?? ""] ?? "user";
}

/** The parts of a LangChain message: text (string or text blocks), tool calls and a tool result. */
export function mapLangChainParts(message: LangChainMessageLike): MessagePart[] {
  const parts: MessagePart[] = [];
  const content = message.content;
  if (message.tool_call_id !== undefined) {
    parts.push({ type: "tool_call_response", id: message.tool_call_id, response: content });
    return parts;
  }
  if (typeof content === "string") {
    if (content !== "") parts.push({ type: "text", content });
  } else if (Array.isArray(content)) {
    for (const block of content as { type?: string; text?: unknown }[]) {
      if (block && typeof block.text === "string" && (block.type === "text" || block.type === undefined)) {
        parts.push({ type: "text", content: block.text });
      }
    }
  }
  for (const call of message.tool_calls ?? []) {
    parts.push({ type: "tool_call", id: call.id ?? null, name: call.name, arguments: call.args });
  }
  return parts;
}

/** Request content (system instructions and input messages) from one LangChain prompt. */
export function mapLangChainRequestContent(messages: readonly LangChainMessageLike[]): RequestContent {
  const systemInstructions: MessagePart[] = [];
  const inputMessages: InputMessage[] = [];
  for (const message of messages) {
    const role = mapLangChainRole(message);
    const parts = mapLangChainParts(message);
    if (role === "system") systemInstructions.push(...parts);
    else inputMessages.push({ role, parts, ...(message.name ? { name: message.name } : {}) });
  }
  return systemInstructions.length > 0 ? { systemInstructions, inputMessages } : { inputMessages };
}

/** Output messages of a finished run, one per generation. */
export function mapLangChainOutputMessages(
  generations: readonly { text?: string; message?: LangChainMessageLike }[],
  finishReasons: readonly string[],
): OutputMessage[] {
  return generations.map((generation, index) => ({
    role: "assistant",
    parts: generation.message
      ? mapLangChainParts(generation.message)
      : generation.text
        ? [{ type: "text", content: generation.text }]
        : [],
    finish_reason: finishReasons[index] ?? finishReasons[0] ?? "stop",
  }));
}
