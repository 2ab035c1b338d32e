import type { MockRoute } from "../internal-types.js";
import { isRecord } from "../is-record.js";
import { mergeScriptFields } from "../merge-script-fields.js";
import { sendJson } from "../send-json.js";
import { writeSse } from "../write-sse.js";
import { buildChatCompletion, getChatJsonSchema } from "./build-chat-completion.js";
import { buildChatCompletionChunks } from "./build-chat-completion-chunks.js";
import { createOpenAIErrorBody } from "./create-openai-error-body.js";
import { adaptChatChunksForHost, adaptChatCompletionForHost } from "./hosts/adapt-chat-for-host.js";
import { resolveMockHost } from "./hosts/resolve-mock-host.js";
import { resolveOpenAIAnswer } from "./resolve-openai-answer.js";

/** `POST /v1/chat/completions`: the chat completion object, or its SSE chunks when `stream: true`. */
export const chatCompletionsRoute: MockRoute = {
  method: "POST",
  matches: (path) => path.endsWith("/chat/completions"),
  handle: async ({ request, script, response, sequence, signal }) => {
    const body = isRecord(request.body) ? request.body : {};
    const choices = typeof body.n === "number" && body.n > 1 ? Math.floor(body.n) : 1;
    const answer = resolveOpenAIAnswer({
      body,
      script,
      sequence,
      inputField: "messages",
      jsonSchema: getChatJsonSchema(body),
      choices,
    });
    const headers = { "x-request-id": `req_mock_${sequence}` };
    // The host the client meant to reach (DeepSeek, Azure, Ollama, ...) shapes the body a little.
    const hostContext = { host: resolveMockHost(request), answer, script, body };
    if (body.stream !== true) {
      sendJson({
        response,
        status: 200,
        body: mergeScriptFields(
          adaptChatCompletionForHost(buildChatCompletion({ answer, script, sequence, choices }), hostContext),
          script,
        ),
        headers,
      });
      return;
    }
    const includeUsage = isRecord(body.stream_options) && body.stream_options.include_usage === true;
    const chunks = adaptChatChunksForHost(
      buildChatCompletionChunks({ answer, script, sequence, choices, includeUsage }),
      { ...hostContext, includeUsage },
    );
    await writeSse({
      response,
      frames: chunks.map((data) => ({ data: mergeScriptFields(data, script) })),
      script,
      signal,
      doneMarker: "[DONE]",
      headers,
      createErrorFrame: () => ({
        data: createOpenAIErrorBody({ status: 500, message: "The Sightline mock failed mid-stream." }),
      }),
    });
  },
};
