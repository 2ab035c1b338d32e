import { asFields, reportTelemetryError } from "@sightline/core/provider";
import type { TokenHeaders } from "./invoke/map-invoke-response.js";

/** The token-count headers of each InvokeModel output, by output object (let go of with it). */
const TOKEN_HEADERS = new WeakMap<object, TokenHeaders>();

const MIDDLEWARE_NAME = "sightlineBedrockTokenHeaders";

/**
 * Adds one `initialize`-step middleware to the client's own stack (its other middleware untouched) that notes
 * Bedrock's `x-amzn-bedrock-input-token-count` / `-output-token-count` response headers against the output
 * object: the SDK does not put them on InvokeModel's output. It reads and returns what it is given, unchanged.
 */
export function addTokenHeaderMiddleware(client: unknown): void {
  const stack = asFields(client).middlewareStack as
    | { add?: (middleware: unknown, options: Record<string, unknown>) => void }
    | undefined;
  if (typeof stack?.add !== "function") return;
  const middleware =
    (next: (args: unknown) => Promise<{ output?: unknown; response?: unknown }>) => async (args: unknown) => {
      const result = await next(args);
      try {
        const headers = asFields(asFields(result.response).headers);
        const output = result.output;
        const input = readCount(headers["x-amzn-bedrock-input-token-count"]);
        const outputTokens = readCount(headers["x-amzn-bedrock-output-token-count"]);
        if (
          typeof output === "object" &&
          output !== null &&
          (input !== undefined || outputTokens !== undefined)
        ) {
          TOKEN_HEADERS.set(output, { inputTokens: input, outputTokens });
        }
      } catch (error) {
        reportTelemetryError("reading Bedrock token headers", error);
      }
      return result;
    };
  try {
    stack.add(middleware, { step: "initialize", name: MIDDLEWARE_NAME, override: true });
  } catch (error) {
    reportTelemetryError("adding the Bedrock token header middleware", error);
  }
}

/** The token-count headers noted for an output, if any. */
export function readTokenHeaders(output: unknown): TokenHeaders | undefined {
  return typeof output === "object" && output !== null ? TOKEN_HEADERS.get(output) : undefined;
}

function readCount(value: unknown): number | undefined {
  const count = typeof value === "string" ? Number(value) : value;
  return typeof count === "number" && Number.isFinite(count) ? count : undefined;
}
