import type { MockRoute } from "../internal-types.js";
import { isRecord } from "../is-record.js";
import { sendJson } from "../send-json.js";
import { splitText } from "../split-text.js";
import { writeSse } from "../write-sse.js";
import { createOpenAIErrorBody } from "./create-openai-error-body.js";
import { MOCK_CREATED_AT } from "./mock-created-at.js";
import { type OpenAIAnswer, resolveOpenAIAnswer } from "./resolve-openai-answer.js";

/**
 * `POST /v1/completions` (the legacy text completions API): a `text_completion` object with one choice per
 * `n`, or its SSE chunks when `stream: true` (usage in a last chunk with no choices when
 * `stream_options.include_usage` is set). The script's `text`, `finishReason`, `usage` and faults apply.
 */
export const completionsRoute: MockRoute = {
  method: "POST",
  matches: (path) => path.endsWith("/completions") && !path.endsWith("/chat/completions"),
  handle: async ({ request, script, response, sequence, signal }) => {
    const body = isRecord(request.body) ? request.body : {};
    const choices = typeof body.n === "number" && body.n > 1 ? Math.floor(body.n) : 1;
    const answer = resolveOpenAIAnswer({
      body,
      script,
      sequence,
      inputField: "prompt",
      jsonSchema: undefined,
      choices,
    });
    const headers = { "x-request-id": `req_mock_${sequence}` };
    const base = {
      id: `cmpl-mock${sequence}`,
      object: "text_completion",
      created: MOCK_CREATED_AT,
      model: answer.model,
    };
    if (body.stream !== true) {
      const completion: Record<string, unknown> = {
        ...base,
        choices: Array.from({ length: choices }, (_, index) => ({
          text: answer.text ?? "",
          index,
          logprobs: null,
          finish_reason: answer.finishReason,
        })),
      };
      if (answer.usage) completion.usage = toUsage(answer);
      sendJson({ response, status: 200, body: completion, headers });
      return;
    }
    const includeUsage = isRecord(body.stream_options) && body.stream_options.include_usage === true;
    const frames: { data: unknown }[] = [];
    const pieces = splitText(answer.text ?? "", script.chunks ?? 5);
    for (let index = 0; index < choices; index += 1) {
      for (const [position, piece] of pieces.entries()) {
        const last = position === pieces.length - 1;
        frames.push({
          data: {
            ...base,
            choices: [
              { text: piece, index, logprobs: null, finish_reason: last ? answer.finishReason : null },
            ],
          },
        });
      }
    }
    if (includeUsage && answer.usage) frames.push({ data: { ...base, choices: [], usage: toUsage(answer) } });
    await writeSse({
      response,
      frames,
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

function toUsage(answer: OpenAIAnswer): Record<string, number> {
  const usage = answer.usage ?? { inputTokens: 0, outputTokens: 0 };
  return {
    prompt_tokens: usage.inputTokens,
    completion_tokens: usage.outputTokens,
    total_tokens: usage.inputTokens + usage.outputTokens,
  };
}
