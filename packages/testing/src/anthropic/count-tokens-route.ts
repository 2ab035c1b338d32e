import { collectText, countTokens } from "../count-tokens.js";
import type { MockRoute } from "../internal-types.js";
import { isRecord } from "../is-record.js";
import { sendJson } from "../send-json.js";
import { createAnthropicErrorBody } from "./create-anthropic-error-body.js";
import { hasAnthropicAuth } from "./has-anthropic-auth.js";

/** `POST /v1/messages/count_tokens`: `{ input_tokens }`, the script's input tokens or the estimate. */
export const countTokensRoute: MockRoute = {
  method: "POST",
  matches: (path) => path === "/v1/messages/count_tokens",
  handle: ({ request, script, response, sequence }) => {
    const headers = { "request-id": `req_mock_${sequence}` };
    if (!hasAnthropicAuth(request.headers)) {
      const body = createAnthropicErrorBody({ status: 401, message: "x-api-key or Authorization required" });
      sendJson({ response, status: 401, body, headers });
      return;
    }
    const body = isRecord(request.body) ? request.body : {};
    const inputTokens =
      script.usage?.inputTokens ?? countTokens(collectText([body.system, body.messages, body.tools]));
    sendJson({ response, status: 200, body: { input_tokens: inputTokens }, headers });
  },
};
