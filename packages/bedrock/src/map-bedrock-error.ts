import type { GenAIErrorInfo } from "@sightline/core/provider";

/** AWS SDK errors carry the HTTP status in `$metadata.httpStatusCode`; `error.type` is the exception's class. */
export function mapBedrockError(error: unknown): GenAIErrorInfo | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const metadata = (error as { $metadata?: { httpStatusCode?: unknown } }).$metadata;
  const status = metadata?.httpStatusCode;
  const name = (error as { constructor?: { name?: unknown } }).constructor?.name;
  return {
    type:
      typeof name === "string" && name !== "" && name !== "Object"
        ? name
        : String((error as Error).name ?? "Error"),
    statusCode: typeof status === "number" ? status : undefined,
  };
}
