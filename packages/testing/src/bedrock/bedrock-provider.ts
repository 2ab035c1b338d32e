import type { MockProvider } from "../internal-types.js";
import { converseRoute } from "./converse-route.js";
import { guardrailRoute } from "./guardrail-route.js";
import { invokeRoute } from "./invoke-route.js";

const ERROR_TYPES: Record<number, string> = {
  400: "ValidationException",
  403: "AccessDeniedException",
  404: "ResourceNotFoundException",
  408: "ModelTimeoutException",
  424: "ModelErrorException",
  429: "ThrottlingException",
  500: "InternalServerException",
  503: "ServiceUnavailableException",
};

/**
 * The Bedrock runtime wire format (restJson1): `POST /model/{modelId}/converse`, `/converse-stream`,
 * `/invoke` and `/invoke-with-response-stream`, the streams framed as `application/vnd.amazon.eventstream`,
 * and `POST /guardrail/{id}/version/{version}/apply` (ApplyGuardrail; text with "forbidden" intervenes).
 * Errors carry their shape in `__type`, which the AWS SDK reads to pick the exception class.
 */
export const bedrockProvider: MockProvider = {
  name: "bedrock",
  routes: [converseRoute, invokeRoute, guardrailRoute],
  ownsPath: (path) => path.startsWith("/model/") || path.startsWith("/guardrail/"),
  createErrorBody: ({ status, message }) => ({
    __type: ERROR_TYPES[status] ?? (status >= 500 ? "InternalServerException" : "ValidationException"),
    message,
  }),
};
