import type { MockRoute } from "../internal-types.js";
import { isRecord } from "../is-record.js";
import { mergeScriptFields } from "../merge-script-fields.js";
import { sendJson } from "../send-json.js";
import { writeSse } from "../write-sse.js";
import { buildResponse, getResponsesJsonSchema } from "./build-response.js";
import { buildResponseEvents } from "./build-response-events.js";
import { resolveOpenAIAnswer } from "./resolve-openai-answer.js";

/** `POST /v1/responses`: the response object, or its named SSE events when `stream: true`. */
export const responsesRoute: MockRoute = {
  method: "POST",
  matches: (path) => path.endsWith("/responses"),
  handle: async ({ request, script, response, sequence, signal }) => {
    const body = isRecord(request.body) ? request.body : {};
    const answer = resolveOpenAIAnswer({
      body,
      script,
      sequence,
      inputField: "input",
      jsonSchema: getResponsesJsonSchema(body),
    });
    // Responses has no tool_calls finish reason: a function_call item in a completed response says it.
    if (script.finishReason === undefined) answer.finishReason = "stop";
    const headers = { "x-request-id": `req_mock_${sequence}` };
    const builtinToolCalls = script.builtinToolCalls;
    if (body.stream !== true) {
      sendJson({
        response,
        status: 200,
        body: mergeScriptFields(buildResponse({ answer, body, sequence, builtinToolCalls }), script),
        headers,
      });
      return;
    }
    const frames = buildResponseEvents({
      answer,
      body,
      sequence,
      builtinToolCalls,
      chunks: script.chunks ?? 5,
    });
    await writeSse({
      response,
      frames,
      script,
      signal,
      headers,
      createErrorFrame: (index) => ({
        event: "error",
        data: {
          type: "error",
          code: "server_error",
          message: "The Sightline mock failed mid-stream.",
          param: null,
          sequence_number: index,
        },
      }),
    });
  },
};
