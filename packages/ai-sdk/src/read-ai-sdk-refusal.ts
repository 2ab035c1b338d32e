/**
 * The refusal an AI SDK result reports: its unified finish reason `content-filter` (every provider maps its own
 * filter and refusal stops to it), named by the provider's raw finish reason when the SDK passes one (`{ unified,
 * raw }`), else `content-filter`. Takes the finish reason as the SDK gives it, an object or a string. Needs no
 * content capture.
 */
export function readAISDKRefusal(finishReason: unknown): string | undefined {
  const fields =
    typeof finishReason === "object" && finishReason !== null
      ? (finishReason as { unified?: unknown; raw?: unknown })
      : { unified: finishReason };
  if (fields.unified !== "content-filter") return undefined;
  return typeof fields.raw === "string" && fields.raw ? fields.raw : "content-filter";
}
