import type { MockRoute } from "../internal-types.js";
import { isRecord } from "../is-record.js";
import { mergeScriptFields } from "../merge-script-fields.js";
import { sendJson } from "../send-json.js";
import { writeSse } from "../write-sse.js";
import { buildAnthropicMessage } from "./build-anthropic-message.js";
import { buildAnthropicMessageEvents } from "./build-anthropic-message-events.js";
import { createAnthropicErrorBody } from "./create-anthropic-error-body.js";
import { hasAnthropicAuth } from "./has-anthropic-auth.js";
import { resolveAnthropicAnswer } from "./resolve-anthropic-answer.js";

/** `POST /v1/messages`: the message object, or its named SSE events when `stream: true`. */
export const messagesRoute: MockRoute = {
  method: "POST",
  matches: (path) => path === "/v1/messages",
  handle: async ({ request, script, response, sequence, signal }) => {
    const headers = { "request-id": `req_mock_${sequence}` };
    if (!hasAnthropicAuth(request.headers)) {
      const body = createAnthropicErrorBody({ status: 401, message: "x-api-key or Authorization required" });
      sendJson({ response, status: 401, body, headers });
      return;
    }
    const body = isRecord(request.body) ? request.body : {};
    const answer = resolveAnthropicAnswer({ body, script, sequence });
    if (body.stream !== true) {
      sendJson({
        response,
        status: 200,
        body: mergeScriptFields(buildAnthropicMessage({ answer, sequence }), script),
        headers,
      });
      return;
    }
    await writeSse({
      response,
      // The message object of `message_start` is where a streamed message carries its extras.
      frames: buildAnthropicMessageEvents({ answer, sequence, chunks: script.chunks ?? 5 }).map((frame) => {
        if (isRecord(frame.data) && frame.data.type === "message_start")
          mergeScriptFields(frame.data.message, script);
        return frame;
      }),
      script,
      signal,
      headers,
      createErrorFrame: () => ({
        event: "error",
        data: createAnthropicErrorBody({
          status: 529,
          message: "The Sightline mock is overloaded mid-stream.",
        }),
      }),
    });
  },
};
