import type { GenAIRequest, GenAITarget } from "@sightline/core/provider";
import { GEN_AI_OPERATION_CHAT } from "@sightline/core/semconv";
import { type AISDKPromptFields, mapAISDKRequestContent } from "./map-ai-sdk-content.js";
import { mapAISDKProvider } from "./map-ai-sdk-provider.js";

/** The fields of an AI SDK model-call start event that describe the request. */
export interface LanguageModelCallFields extends AISDKPromptFields {
  provider?: string;
  modelId?: string;
  maxOutputTokens?: number;
  temperature?: number;
  topP?: number;
  topK?: number;
  presencePenalty?: number;
  frequencyPenalty?: number;
  stopSequences?: string[];
  seed?: number;
}

/** Maps a model call the AI SDK is about to make to core's request and target. */
export function mapLanguageModelRequest(options: {
  fields: LanguageModelCallFields;
  stream: boolean;
  captureContent: boolean;
  outputType?: string;
}): { request: GenAIRequest; target: GenAITarget } {
  const { fields } = options;
  const { provider, model } = mapAISDKProvider(fields.provider, fields.modelId);
  const request: GenAIRequest = {
    operation: GEN_AI_OPERATION_CHAT,
    model,
    stream: options.stream,
    parameters: {
      maxTokens: fields.maxOutputTokens,
      temperature: fields.temperature,
      topP: fields.topP,
      topK: fields.topK,
      presencePenalty: fields.presencePenalty,
      frequencyPenalty: fields.frequencyPenalty,
      stopSequences: Array.isArray(fields.stopSequences) ? fields.stopSequences : undefined,
      seed: fields.seed,
      outputType: options.outputType,
    },
  };
  if (options.captureContent) request.content = () => mapAISDKRequestContent(fields);
  return { request, target: { provider } };
}
