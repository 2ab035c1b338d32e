import { asNumber, asString, type GenAIResponse, type GenAIUsage } from "@sightline/core/provider";
import { type LangChainMessageLike, mapLangChainOutputMessages } from "./map-langchain-messages.js";
import { readLangChainRefusal } from "./read-langchain-refusal.js";

/** The fields Sightline reads from a LangChain message in a result. */
interface ResultMessage extends LangChainMessageLike {
  id?: string;
  usage_metadata?: {
    input_tokens?: number;
    output_tokens?: number;
    input_token_details?: {
      cache_read?: number;
      cache_creation?: number;
      audio?: number;
      ephemeral_1h_input_tokens?: number;
    };
    output_token_details?: { reasoning?: number; audio?: number };
  };
  response_metadata?: Record<string, unknown>;
  additional_kwargs?: Record<string, unknown>;
}

/** A LangChain `LLMResult`, as far as Sightline reads it. */
export interface LangChainResult {
  generations?: { text?: string; message?: ResultMessage; generationInfo?: Record<string, unknown> }[][];
  llmOutput?: Record<string, unknown>;
}

/**
 * Maps a finished model run to core's response: usage from `usage_metadata` (cache reads and
 * reasoning from its details), else `llmOutput.tokenUsage` / `estimatedTokenUsage`; finish reasons,
 * response id and model from the message and generation info; content only when `captureContent`.
 */
export function mapLangChainResult(
  result: LangChainResult | undefined,
  captureContent: boolean,
): GenAIResponse {
  const generations = result?.generations?.[0] ?? [];
  const first = generations[0];
  const message = first?.message;
  const metadata = message?.response_metadata ?? {};
  const info = first?.generationInfo ?? {};
  const finishReasons: string[] = [];
  for (const generation of generations) {
    const meta = generation.message?.response_metadata ?? {};
    const gi = generation.generationInfo ?? {};
    const reason =
      asString(gi.finish_reason) ??
      asString(meta.finish_reason) ??
      asString(meta.stop_reason) ??
      asString(meta.finishReason) ??
      asString(meta.stopReason) ??
      asString(meta.done_reason);
    if (reason) finishReasons.push(reason);
  }
  const usage = mapUsage(generations, result?.llmOutput);
  const response: GenAIResponse = {
    id: asString(message?.id) ?? asString(metadata.id),
    model:
      asString(metadata.model_name) ??
      asString(metadata.model) ??
      asString(info.model_name) ??
      asString(result?.llmOutput?.model_name) ??
      asString(result?.llmOutput?.model),
    finishReasons: finishReasons.length > 0 ? finishReasons : undefined,
    refusal: readLangChainRefusal({
      finishReasons,
      messages: generations.map((generation) => generation.message),
    }),
    usage,
    serviceTier: asString(metadata.service_tier) ?? asString(info.service_tier),
    systemFingerprint: asString(metadata.system_fingerprint) ?? asString(info.system_fingerprint),
  };
  if (captureContent) response.outputMessages = () => mapLangChainOutputMessages(generations, finishReasons);
  return response;
}

function mapUsage(
  generations: readonly { message?: ResultMessage }[],
  llmOutput: Record<string, unknown> | undefined,
): GenAIUsage | undefined {
  let usage: GenAIUsage | undefined;
  for (const generation of generations) {
    const metadata = generation.message?.usage_metadata;
    if (!metadata) continue;
    usage ??= {};
    add(usage, "inputTokens", metadata.input_tokens);
    add(usage, "outputTokens", metadata.output_tokens);
    add(usage, "cacheReadInputTokens", metadata.input_token_details?.cache_read);
    add(usage, "cacheCreationInputTokens", metadata.input_token_details?.cache_creation);
    add(usage, "cacheCreation1hInputTokens", metadata.input_token_details?.ephemeral_1h_input_tokens);
    add(usage, "reasoningOutputTokens", metadata.output_token_details?.reasoning);
    add(usage, "audioInputTokens", metadata.input_token_details?.audio);
    add(usage, "audioOutputTokens", metadata.output_token_details?.audio);
  }
  if (usage) return usage;
  const tokenUsage = (llmOutput?.tokenUsage ?? llmOutput?.estimatedTokenUsage ?? llmOutput?.usage) as
    | Record<string, unknown>
    | undefined;
  if (!tokenUsage) return undefined;
  const input = asNumber(tokenUsage.promptTokens) ?? asNumber(tokenUsage.input_tokens);
  const output = asNumber(tokenUsage.completionTokens) ?? asNumber(tokenUsage.output_tokens);
  if (input === undefined && output === undefined) return undefined;
  return { inputTokens: input, outputTokens: output };
}

function add(usage: GenAIUsage, key: keyof GenAIUsage, value: unknown): void {
  const number = asNumber(value);
  if (number !== undefined) usage[key] = (usage[key] ?? 0) + number;
}
