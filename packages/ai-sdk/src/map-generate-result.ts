import type { GenAIResponse } from "@sightline/core/provider";
import { mapAISDKOutputMessages } from "./map-ai-sdk-content.js";
import { mapAISDKFinishReason } from "./map-ai-sdk-finish-reason.js";
import { mapAISDKProvider } from "./map-ai-sdk-provider.js";
import { type ModelV4Usage, mapModelV4Usage } from "./map-model-v4-usage.js";
import { readAISDKRefusal } from "./read-ai-sdk-refusal.js";

/** A provider model's `doGenerate` result, as far as Sightline reads it. */
export interface ModelGenerateResult {
  content?: unknown;
  finishReason?: { unified?: unknown; raw?: unknown };
  usage?: unknown;
  response?: { id?: string; modelId?: string };
}

/** Maps a provider model's generate result to core's response. */
export function mapGenerateResult(options: {
  result: ModelGenerateResult;
  provider: string;
  captureContent: boolean;
}): GenAIResponse {
  const { result } = options;
  const reason = mapAISDKFinishReason(result.finishReason?.unified);
  const modelId = result.response?.modelId;
  const response: GenAIResponse = {
    id: result.response?.id,
    model: modelId ? mapAISDKProvider(options.provider, modelId).model : undefined,
    finishReasons: [reason],
    refusal: readAISDKRefusal(result.finishReason),
    usage: mapModelV4Usage(result.usage as ModelV4Usage | undefined),
  };
  if (options.captureContent) response.outputMessages = () => mapAISDKOutputMessages(result.content, reason);
  return response;
}
