import { splitText } from "../../split-text.js";
import type { MockScript } from "../../types.js";
import type { OpenAIAnswer } from "../resolve-openai-answer.js";
import { mapHostUsage } from "./map-host-usage.js";
import type { MockHost } from "./resolve-mock-host.js";

/** The reasoning text hosts that return their model's thinking send when the script asks for reasoning tokens. */
export const MOCK_REASONING_TEXT = "Mock reasoning: the user wants a short, friendly answer.";

/** What a host adapter needs besides the body it changes. */
export interface HostAdaptContext {
  host: MockHost;
  answer: OpenAIAnswer;
  script: MockScript;
  /** The parsed request body. */
  body: Record<string, unknown>;
}

/** DeepSeek, vLLM, LM Studio and llama.cpp call it `reasoning_content`; OpenRouter and Groq `reasoning`. */
const REASONING_FIELD: Partial<Record<MockHost, string>> = {
  deepseek: "reasoning_content",
  vllm: "reasoning_content",
  lm_studio: "reasoning_content",
  llama_cpp: "reasoning_content",
  openrouter: "reasoning",
  groq: "reasoning",
};
const OPENROUTER_VENDORS: Record<string, string> = {
  anthropic: "Anthropic",
  openai: "OpenAI",
  google: "Google AI Studio",
  "x-ai": "xAI",
  mistralai: "Mistral",
};

/** Rewrites a `chat.completion` body the way the host differs from OpenAI. OpenAI's own shape is left alone. */
export function adaptChatCompletionForHost(
  completion: Record<string, unknown>,
  context: HostAdaptContext,
): Record<string, unknown> {
  if (context.host === "openai") return completion;
  const adapted = { ...completion, ...topLevelFields(context) };
  dropAbsentFields(adapted, context.host);
  const reasoningField = REASONING_FIELD[context.host];
  const reasoning = hasReasoning(context) ? MOCK_REASONING_TEXT : undefined;
  const choices = Array.isArray(completion.choices) ? (completion.choices as Record<string, unknown>[]) : [];
  adapted.choices = choices.map((choice) => {
    const message = { ...(choice.message as Record<string, unknown>) };
    if (reasoningField) message[reasoningField] = reasoning ?? null;
    if (context.host !== "openrouter") delete message.annotations;
    // Azure marks the category that stopped a content-filtered answer.
    const results = choice.finish_reason === "content_filter" ? FILTERED_RESULTS : CONTENT_FILTER_RESULTS;
    const extra = context.host === "azure" ? { content_filter_results: results } : {};
    return { ...choice, message, ...extra };
  });
  if (context.answer.usage) {
    adapted.usage = mapHostUsage(context.host, context.answer.usage) ?? completion.usage;
  }
  return adapted;
}

/**
 * Rewrites the `chat.completion.chunk`s of a stream: the host's top-level fields and usage, reasoning
 * deltas before the answer, and Groq's `x_groq.usage` on the last chunk when the caller asked for no usage.
 */
export function adaptChatChunksForHost(
  chunks: Record<string, unknown>[],
  context: HostAdaptContext & { includeUsage: boolean },
): Record<string, unknown>[] {
  if (context.host === "openai") return chunks;
  const reasoningField = REASONING_FIELD[context.host];
  const adapted: Record<string, unknown>[] = [];
  for (const chunk of chunks) {
    const next = { ...chunk, ...topLevelFields(context) };
    dropAbsentFields(next, context.host);
    if (chunk.usage && typeof chunk.usage === "object" && context.answer.usage) {
      next.usage = mapHostUsage(context.host, context.answer.usage) ?? chunk.usage;
    }
    adapted.push(next);
    const [choice] = Array.isArray(chunk.choices) ? (chunk.choices as Record<string, unknown>[]) : [];
    const delta = choice?.delta as Record<string, unknown> | undefined;
    if (reasoningField && delta?.role && hasReasoning(context)) {
      for (const piece of splitText(MOCK_REASONING_TEXT, context.script.chunks ?? 5)) {
        adapted.push({
          ...next,
          choices: [{ ...choice, delta: { content: null, [reasoningField]: piece } }],
        });
      }
    }
  }
  const last = adapted.at(-1);
  if (context.host === "groq" && !context.includeUsage && last && context.answer.usage) {
    last.x_groq = { id: "req_mock", usage: mapHostUsage("groq", context.answer.usage) };
  }
  return adapted;
}

function hasReasoning(context: HostAdaptContext): boolean {
  return (context.answer.usage?.reasoningTokens ?? 0) > 0;
}

/** Fields every body and chunk of the host carries, and the model name as the host reports it. */
function topLevelFields(context: HostAdaptContext): Record<string, unknown> {
  const { host, body, script } = context;
  // OpenAI appends a snapshot date; other hosts report the name they were asked for (Azure: the deployment).
  const fields: Record<string, unknown> = {
    model: script.model ?? (typeof body.model === "string" ? body.model : context.answer.model),
  };
  switch (host) {
    case "azure":
      fields.prompt_filter_results = [{ prompt_index: 0, content_filter_results: CONTENT_FILTER_RESULTS }];
      break;
    case "openrouter": {
      const vendor = String(fields.model).split("/")[0] ?? "";
      fields.provider = OPENROUTER_VENDORS[vendor] ?? "Mock Provider";
      break;
    }
    case "groq":
      fields.service_tier = "on_demand";
      fields.x_groq = { id: "req_mock" };
      break;
    case "perplexity":
      fields.citations = ["https://example.com/mock-source"];
      fields.search_results = [{ title: "Mock source", url: "https://example.com/mock-source" }];
      break;
    case "ollama":
      fields.system_fingerprint = "fp_ollama";
      break;
    case "llama_cpp":
      fields.system_fingerprint = "b0000-mock";
      fields.timings = { prompt_n: 1, prompt_ms: 1, predicted_n: 1, predicted_ms: 1 };
      break;
    case "lm_studio":
      fields.stats = {};
      break;
  }
  return fields;
}

/** Fields OpenAI sends that the host does not. */
function dropAbsentFields(fields: Record<string, unknown>, host: MockHost): void {
  if (host !== "azure" && host !== "groq") delete fields.service_tier;
  if (host !== "azure" && host !== "ollama" && host !== "llama_cpp" && host !== "deepseek") {
    delete fields.system_fingerprint;
  }
}

const CONTENT_FILTER_RESULTS = {
  hate: { filtered: false, severity: "safe" },
  self_harm: { filtered: false, severity: "safe" },
  sexual: { filtered: false, severity: "safe" },
  violence: { filtered: false, severity: "safe" },
};

/** Azure's per-choice results when the filter stopped the answer. */
const FILTERED_RESULTS = { ...CONTENT_FILTER_RESULTS, violence: { filtered: true, severity: "high" } };
