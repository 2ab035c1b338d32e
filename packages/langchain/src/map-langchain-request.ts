import { asNumber, asString, type GenAIRequest, type GenAIRequestParameters } from "@sightline/core/provider";
import { type LangChainMessageLike, mapLangChainRequestContent } from "./map-langchain-messages.js";
import { mapLangChainProvider } from "./map-langchain-provider.js";

/** What a model run's start callback says about it. */
export interface LangChainModelStart {
  /** `gen_ai.operation.name`: `chat` for chat models, `text_completion` for LLMs. */
  operation: string;
  /** The model's serialized form (`id` ends with its class name, `kwargs` has its constructor fields). */
  serialized: { id?: unknown; kwargs?: Record<string, unknown> } | undefined;
  /** `extraParams` of the callback (`invocation_params` is the request the model sends). */
  extraParams: Record<string, unknown> | undefined;
  /** The run's metadata (`ls_provider`, `ls_model_name`). */
  metadata: Record<string, unknown> | undefined;
  /** The prompt, for content capture (chat messages, or one LLM prompt string). */
  input: readonly LangChainMessageLike[] | string | undefined;
  /** Build content only when content capture is on. */
  captureContent: boolean;
}

/** The model class name from a serialized id (`["langchain", "chat_models", "openai", "ChatOpenAI"]`). */
export function readClassName(serialized: { id?: unknown } | undefined): string | undefined {
  const id = serialized?.id;
  return Array.isArray(id) && typeof id[id.length - 1] === "string"
    ? (id[id.length - 1] as string)
    : undefined;
}

/** Maps a chat model / LLM start callback to core's request and target. */
export function mapLangChainRequest(start: LangChainModelStart): {
  request: GenAIRequest;
  target: { provider: string };
} {
  const params = (start.extraParams?.invocation_params ?? {}) as Record<string, unknown>;
  const kwargs = start.serialized?.kwargs ?? {};
  const provider = mapLangChainProvider(readClassName(start.serialized), start.metadata?.ls_provider);
  const model =
    asString(params.model) ??
    asString(params.modelName) ??
    asString(params.model_name) ??
    asString(params.modelId) ??
    asString(params.model_id) ??
    asString(start.metadata?.ls_model_name) ??
    asString(kwargs.model) ??
    asString(kwargs.modelName) ??
    asString(kwargs.azure_openai_api_deployment_name);
  const inference = (params.inferenceConfig ?? {}) as Record<string, unknown>;
  const options = (params.options ?? {}) as Record<string, unknown>;
  const pick = (...values: unknown[]) => {
    for (const value of values) {
      const number = asNumber(value);
      if (number !== undefined) return number;
    }
    return undefined;
  };
  const parameters: GenAIRequestParameters = {};
  const set = <K extends keyof GenAIRequestParameters>(key: K, value: GenAIRequestParameters[K]) => {
    if (value !== undefined) parameters[key] = value;
  };
  set(
    "maxTokens",
    pick(
      params.max_tokens,
      params.max_completion_tokens,
      params.maxTokens,
      params.maxOutputTokens,
      params.max_output_tokens,
      inference.maxTokens,
      options.num_predict,
    ),
  );
  set("temperature", pick(params.temperature, inference.temperature, options.temperature));
  set("topP", pick(params.top_p, params.topP, inference.topP, options.top_p));
  set("topK", pick(params.top_k, params.topK, options.top_k));
  set("frequencyPenalty", pick(params.frequency_penalty, params.frequencyPenalty));
  set("presencePenalty", pick(params.presence_penalty, params.presencePenalty));
  set("seed", pick(params.seed, options.seed));
  const choices = pick(params.n);
  if (choices !== undefined && choices !== 1) parameters.choiceCount = choices;
  const stop = params.stop ?? params.stop_sequences ?? params.stopSequences ?? inference.stopSequences;
  if (typeof stop === "string") parameters.stopSequences = [stop];
  else if (Array.isArray(stop) && stop.every((item) => typeof item === "string")) {
    parameters.stopSequences = stop as string[];
  }
  const input = start.input;
  const request: GenAIRequest = {
    operation: start.operation,
    model,
    stream: params.stream === true ? true : undefined,
    parameters,
    content: start.captureContent
      ? () =>
          typeof input === "string"
            ? { inputMessages: [{ role: "user", parts: [{ type: "text", content: input }] }] }
            : mapLangChainRequestContent(input ?? [])
      : undefined,
  };
  return { request, target: { provider } };
}
