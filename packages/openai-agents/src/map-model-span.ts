import {
  asArray,
  asFields,
  asNumber,
  asString,
  type Fields,
  type GenAIRequest,
  type GenAIResponse,
  type GenAITarget,
  type GenAIUsage,
} from "@sightline/core/provider";
import { GEN_AI_OPERATION_CHAT } from "@sightline/core/semconv";
import { readCompletionRefusal, readResponseRefusal } from "./read-model-span-refusal.js";

/** One model call as the SDK's `response` or `generation` span describes it, in core's shapes. */
export interface MappedModelCall {
  request: GenAIRequest;
  target: GenAITarget;
  response: GenAIResponse;
  /** Function calls the model asked for, in order (ids and arguments for the tool spans that follow). */
  functionCalls: Array<{ name: string; callId: string | undefined; arguments: string | undefined }>;
}

/**
 * Maps a finished `response` span (the Responses API object the SDK keeps in `_response`) or
 * `generation` span (chat completions: `model`, `usage`, `output`) to a request and response.
 * `model` may carry a provider prefix (`anthropic/claude-…`); the provider is `openai` otherwise.
 */
export function mapModelSpan(spanData: unknown): MappedModelCall {
  const data = asFields(spanData) ?? {};
  return data.type === "generation" ? mapGeneration(data) : mapResponse(data);
}

function mapResponse(data: Fields): MappedModelCall {
  const response = asFields(data._response) ?? {};
  const { provider, model } = splitProvider(asString(response.model));
  const usage = response.usage ? asFields(response.usage) : undefined;
  const output = asArray(response.output) ?? [];
  const functionCalls: MappedModelCall["functionCalls"] = [];
  for (const item of output) {
    const fields = asFields(item);
    if (fields?.type !== "function_call") continue;
    const name = asString(fields.name);
    if (name)
      functionCalls.push({ name, callId: asString(fields.call_id), arguments: asString(fields.arguments) });
  }
  const status = asString(response.status);
  const refusal = readResponseRefusal(response);
  const incomplete = refusal === "content_filter" ? "content_filter" : "length";
  const finishReason =
    functionCalls.length > 0
      ? "tool_call"
      : status === "incomplete"
        ? incomplete
        : status
          ? "stop"
          : undefined;
  return {
    request: { operation: GEN_AI_OPERATION_CHAT, model },
    target: { provider },
    response: {
      id: asString(response.id) ?? asString(data.response_id),
      model,
      finishReasons: finishReason ? [finishReason] : undefined,
      refusal,
      usage: usage
        ? mapUsage({
            input: usage.input_tokens,
            output: usage.output_tokens,
            cached: asFields(usage.input_tokens_details)?.cached_tokens,
            reasoning: asFields(usage.output_tokens_details)?.reasoning_tokens,
          })
        : undefined,
      serviceTier: asString(response.service_tier),
    },
    functionCalls,
  };
}

function mapGeneration(data: Fields): MappedModelCall {
  const { provider, model } = splitProvider(asString(data.model));
  const completion = asFields(asArray(data.output)?.[0]) ?? {};
  const usage = data.usage ? asFields(data.usage) : undefined;
  const details = asFields(usage?.details);
  // The SDK sets the span's usage on streamed calls; a plain call keeps it in the completion.
  const completionUsage = completion.usage ? asFields(completion.usage) : undefined;
  const functionCalls: MappedModelCall["functionCalls"] = [];
  const finishReasons: string[] = [];
  for (const choice of asArray(completion.choices) ?? []) {
    const fields = asFields(choice);
    const reason = asString(fields?.finish_reason);
    if (reason) finishReasons.push(reason === "tool_calls" ? "tool_call" : reason);
    for (const call of asArray(asFields(fields?.message)?.tool_calls) ?? []) {
      const callFields = asFields(call);
      const fn = asFields(callFields?.function);
      const name = asString(fn?.name);
      if (name)
        functionCalls.push({ name, callId: asString(callFields?.id), arguments: asString(fn?.arguments) });
    }
  }
  return {
    request: { operation: GEN_AI_OPERATION_CHAT, model },
    target: { provider },
    response: {
      id: asString(completion.id),
      model: splitProvider(asString(completion.model)).model ?? model,
      finishReasons: finishReasons.length > 0 ? finishReasons : undefined,
      refusal: readCompletionRefusal(completion),
      usage: usage
        ? mapUsage({
            input: usage.input_tokens,
            output: usage.output_tokens,
            cached: details?.cached_tokens ?? asFields(details?.prompt_tokens_details).cached_tokens,
            reasoning:
              details?.reasoning_tokens ?? asFields(details?.completion_tokens_details).reasoning_tokens,
          })
        : completionUsage
          ? mapUsage({
              input: completionUsage.prompt_tokens,
              output: completionUsage.completion_tokens,
              cached: asFields(completionUsage.prompt_tokens_details).cached_tokens,
              reasoning: asFields(completionUsage.completion_tokens_details).reasoning_tokens,
            })
          : undefined,
    },
    functionCalls,
  };
}

function mapUsage(counts: {
  input: unknown;
  output: unknown;
  cached: unknown;
  reasoning: unknown;
}): GenAIUsage {
  const usage: GenAIUsage = {};
  const input = asNumber(counts.input);
  const output = asNumber(counts.output);
  const cached = asNumber(counts.cached);
  const reasoning = asNumber(counts.reasoning);
  if (input !== undefined) usage.inputTokens = input;
  if (output !== undefined) usage.outputTokens = output;
  if (cached !== undefined && cached > 0) usage.cacheReadInputTokens = cached;
  if (reasoning !== undefined && reasoning > 0) usage.reasoningOutputTokens = reasoning;
  return usage;
}

/** `provider/model` → both; a bare model name is OpenAI's (the SDK's default provider). */
export function splitProvider(name: string | undefined): { provider: string; model: string | undefined } {
  if (!name) return { provider: "openai", model: undefined };
  const slash = name.indexOf("/");
  if (slash <= 0 || slash === name.length - 1) return { provider: "openai", model: name };
  return { provider: name.slice(0, slash), model: name.slice(slash + 1) };
}
