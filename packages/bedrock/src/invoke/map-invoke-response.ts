import { asFields, asString, type GenAIResponse, type GenAIUsage } from "@sightline/core/provider";
import { mapFinishReason } from "../map-finish-reason.js";
import { readBedrockRefusal } from "../read-bedrock-refusal.js";
import { decodeJsonBytes } from "./decode-json-bytes.js";
import type { InvokeBodyReading } from "./read-invoke-body.js";
import { readInvokeBody } from "./read-invoke-body.js";

/** The token counts Bedrock sends in `x-amzn-bedrock-input-token-count` / `-output-token-count`. */
export interface TokenHeaders {
  inputTokens?: number;
  outputTokens?: number;
}

/**
 * Maps an `InvokeModelCommand` output: its body bytes are decoded once, on the side (the caller's
 * `output.body.transformToString()` still works), read across families; token counts come from the body and,
 * where it has none, from Bedrock's token-count headers. The response id is the family's own id, or else the
 * AWS request id.
 */
export function mapInvokeResponse(output: unknown, headers: TokenHeaders | undefined): GenAIResponse {
  const fields = asFields(output);
  const reading = readInvokeBody(decodeJsonBytes(fields.body));
  const response = buildInvokeResponse(reading, asString(asFields(fields.$metadata).requestId), headers);
  // The tier that served the call comes from a response header, which the SDK puts on the output.
  const serviceTier = asString(fields.serviceTier);
  if (serviceTier) response.serviceTier = serviceTier;
  return response;
}

/** The response of one invoke call from what its body (or its stream chunks) said. */
export function buildInvokeResponse(
  reading: InvokeBodyReading,
  requestId: string | undefined,
  headers?: TokenHeaders,
): GenAIResponse {
  const reason = mapFinishReason(reading.stopReason);
  const usage: GenAIUsage = {
    inputTokens: reading.inputTokens ?? headers?.inputTokens,
    outputTokens: reading.outputTokens ?? headers?.outputTokens,
    cacheReadInputTokens: reading.cacheReadInputTokens,
    cacheCreationInputTokens: reading.cacheCreationInputTokens,
    cacheCreation1hInputTokens: reading.cacheCreation1hInputTokens,
  };
  const text = reading.text;
  return {
    id: reading.id ?? requestId,
    model: reading.model,
    finishReasons: reason ? [reason] : undefined,
    refusal: readBedrockRefusal(reading.stopReason),
    usage,
    outputMessages: () => [
      {
        role: "assistant",
        parts: text !== undefined ? [{ type: "text", content: text }] : [],
        finish_reason: reason ?? "",
      },
    ],
  };
}
