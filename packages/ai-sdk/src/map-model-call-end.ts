import type { GenAIResponse } from "@sightline/core/provider";
import { ATTR_SERVER_ADDRESS, ATTR_SERVER_PORT } from "@sightline/core/semconv";
import { mapAISDKOutputMessages } from "./map-ai-sdk-content.js";
import { mapAISDKFinishReason } from "./map-ai-sdk-finish-reason.js";
import { mapAISDKProvider } from "./map-ai-sdk-provider.js";
import { type AISDKUsage, mapAISDKUsage } from "./map-ai-sdk-usage.js";
import { readAISDKRefusal } from "./read-ai-sdk-refusal.js";

/** The model-call end event fields Sightline reads. */
export interface ModelCallEnd {
  callId: string;
  modelId?: string;
  provider?: string;
  finishReason?: unknown;
  usage?: AISDKUsage;
  content?: unknown;
  responseId?: string;
  request?: { url?: string };
  performance?: { timeToFirstOutputMs?: number | undefined };
}

/** Maps the AI SDK's end-of-model-call event (streams) to core's response. */
export function mapModelCallEnd(event: ModelCallEnd, captureContent: boolean): GenAIResponse {
  const reason = mapAISDKFinishReason(event.finishReason);
  const response: GenAIResponse = {
    id: event.responseId,
    model: mapAISDKProvider(event.provider, event.modelId).model,
    finishReasons: [reason],
    refusal: readAISDKRefusal(event.finishReason),
    usage: mapAISDKUsage(event.usage),
  };
  const server = readOrigin(event.request?.url);
  if (server)
    response.attributes = { [ATTR_SERVER_ADDRESS]: server.address, [ATTR_SERVER_PORT]: server.port };
  if (captureContent) response.outputMessages = () => mapAISDKOutputMessages(event.content, reason);
  return response;
}

/** `server.address` / `server.port` of a request origin. */
export function serverAttributes(server: { address: string; port: number }): GenAIResponse["attributes"] {
  return { [ATTR_SERVER_ADDRESS]: server.address, [ATTR_SERVER_PORT]: server.port };
}

/** Host and port of an origin URL (`http://127.0.0.1:4000`); undefined when it does not parse. */
export function readOrigin(url: string | undefined): { address: string; port: number } | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    const port = parsed.port ? Number(parsed.port) : parsed.protocol === "http:" ? 80 : 443;
    return { address: parsed.hostname, port };
  } catch {
    return undefined;
  }
}
