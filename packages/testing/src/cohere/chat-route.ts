import type { MockRoute } from "../internal-types.js";
import { isRecord } from "../is-record.js";
import { sendJson } from "../send-json.js";
import { writeSse } from "../write-sse.js";
import { buildCohereChatEvents, buildCohereChatResponse } from "./build-cohere-chat.js";
import { createCohereErrorBody } from "./create-cohere-error-body.js";
import { resolveCohereAnswer } from "./resolve-cohere-answer.js";
import { stripCoherePrefix } from "./strip-cohere-prefix.js";

/** `POST /v2/chat`: a `ChatResponse`, or its SSE event stream when the body has `stream: true`. */
export const cohereChatRoute: MockRoute = {
  method: "POST",
  matches: (path) => stripCoherePrefix(path) === "/v2/chat",
  handle: async ({ request, script, response, sequence, signal }) => {
    const answer = resolveCohereAnswer({ body: request.body, script, sequence });
    if (!(isRecord(request.body) && request.body.stream === true)) {
      sendJson({ response, status: 200, body: buildCohereChatResponse(answer) });
      return;
    }
    await writeSse({
      response,
      frames: buildCohereChatEvents(answer, script.chunks ?? 5),
      script,
      signal,
      createErrorFrame: () => ({
        data: createCohereErrorBody({ status: 500, message: "The Sightline mock failed mid-stream." }),
      }),
    });
  },
};
