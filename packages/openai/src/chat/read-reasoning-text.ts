import { asString } from "@sightline/core/provider";

/**
 * The reasoning text of a chat message or stream delta, as OpenAI-compatible hosts spell it:
 * `reasoning_content` (DeepSeek, vLLM, LM Studio, llama.cpp) or `reasoning` (OpenRouter, Groq, Ollama).
 * OpenAI itself sends none. Empty text counts as none.
 */
export function readReasoningText(fields: Record<string, unknown>): string | undefined {
  const text = asString(fields.reasoning_content) ?? asString(fields.reasoning);
  return text ? text : undefined;
}
