import type { OpenAIAnswer } from "../resolve-openai-answer.js";
import type { MockHost } from "./resolve-mock-host.js";

type AnswerUsage = NonNullable<OpenAIAnswer["usage"]>;

/**
 * The chat `usage` object as each host spells it. OpenAI, Azure and xAI send the detail objects; DeepSeek
 * splits the prompt into `prompt_cache_hit_tokens` / `prompt_cache_miss_tokens`; Groq adds timings; vLLM sends
 * `prompt_tokens_details: null`; Perplexity adds its search context size; the rest send just the three counts.
 * Returns `undefined` to keep the OpenAI shape.
 */
export function mapHostUsage(host: MockHost, usage: AnswerUsage): Record<string, unknown> | undefined {
  const counts = {
    prompt_tokens: usage.inputTokens,
    completion_tokens: usage.outputTokens,
    total_tokens: usage.inputTokens + usage.outputTokens,
  };
  switch (host) {
    case "openai":
    case "azure":
    case "x_ai":
      return undefined;
    case "deepseek":
      return {
        ...counts,
        prompt_cache_hit_tokens: usage.cachedInputTokens,
        prompt_cache_miss_tokens: usage.inputTokens - usage.cachedInputTokens,
        ...(usage.reasoningTokens > 0
          ? { completion_tokens_details: { reasoning_tokens: usage.reasoningTokens } }
          : {}),
      };
    case "openrouter":
      return {
        ...counts,
        prompt_tokens_details: { cached_tokens: usage.cachedInputTokens },
        completion_tokens_details: { reasoning_tokens: usage.reasoningTokens },
        is_byok: false,
      };
    case "groq":
      return { queue_time: 0.01, ...counts, prompt_time: 0.002, completion_time: 0.02, total_time: 0.022 };
    case "vllm":
      return { ...counts, prompt_tokens_details: null };
    case "perplexity":
      return { ...counts, search_context_size: "low" };
    default:
      return counts;
  }
}
