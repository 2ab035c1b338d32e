import { countTokens } from "../count-tokens.js";
import { createDeterministicEmbedding } from "../create-deterministic-embedding.js";
import type { MockRoute } from "../internal-types.js";
import { isRecord } from "../is-record.js";
import { getChatJsonSchema } from "../openai/build-chat-completion.js";
import { resolveOpenAIAnswer } from "../openai/resolve-openai-answer.js";
import { sendJson } from "../send-json.js";
import { writeSse } from "../write-sse.js";
import { buildMistralCompletion, buildMistralCompletionChunks } from "./build-mistral-completion.js";
import { createMistralErrorBody } from "./create-mistral-error-body.js";

/** The path prefix of the Mistral routes: point the client at `serverURL: \`${server.url}/mistral\``. */
export const MISTRAL_PATH_PREFIX = "/mistral/";

const DEFAULT_DIMENSIONS = 8;

/**
 * `POST /mistral/v1/chat/completions`, `/mistral/v1/fim/completions` and `/mistral/v1/agents/completions`:
 * the completion, or SSE chunks with `stream: true`. An agents request names no model: the answer
 * reports `mistral-medium-latest` unless the script sets one.
 */
export const mistralCompletionsRoute: MockRoute = {
  method: "POST",
  matches: (path) =>
    path.startsWith(MISTRAL_PATH_PREFIX) &&
    (path.endsWith("/chat/completions") ||
      path.endsWith("/fim/completions") ||
      path.endsWith("/agents/completions")),
  handle: async ({ request, script, response, sequence, signal }) => {
    const body = isRecord(request.body) ? request.body : {};
    const fim = request.path.endsWith("/fim/completions");
    const answer = resolveOpenAIAnswer({
      body,
      script,
      sequence,
      inputField: fim ? "prompt" : "messages",
      jsonSchema: fim ? undefined : getChatJsonSchema(body),
    });
    // Mistral answers with the model it was asked for (aliases such as `-latest` included).
    answer.model = script.model ?? (typeof body.model === "string" ? body.model : "mistral-medium-latest");
    const headers = { "mistral-correlation-id": `corr_mock_${sequence}` };
    const options = { answer, sequence, chunks: script.chunks ?? 5 };
    if (body.stream !== true) {
      sendJson({ response, status: 200, body: buildMistralCompletion(options), headers });
      return;
    }
    await writeSse({
      response,
      frames: buildMistralCompletionChunks(options).map((data) => ({ data })),
      script,
      signal,
      doneMarker: "[DONE]",
      headers,
      createErrorFrame: () => ({
        data: createMistralErrorBody({ status: 500, message: "The Sightline mock failed mid-stream." }),
      }),
    });
  },
};

/** `POST /mistral/v1/embeddings`: one deterministic vector per input, `output_dimension` honoured (default 8). */
export const mistralEmbeddingsRoute: MockRoute = {
  method: "POST",
  matches: (path) => path.startsWith(MISTRAL_PATH_PREFIX) && path.endsWith("/embeddings"),
  handle: ({ request, script, response, sequence }) => {
    const body = isRecord(request.body) ? request.body : {};
    const inputs =
      typeof body.input === "string" ? [body.input] : Array.isArray(body.input) ? body.input : [];
    const texts = inputs.map((input) => (typeof input === "string" ? input : JSON.stringify(input)));
    const dimensions =
      typeof body.output_dimension === "number" && body.output_dimension > 0
        ? Math.floor(body.output_dimension)
        : DEFAULT_DIMENSIONS;
    const promptTokens =
      script.usage?.inputTokens ?? texts.reduce((total, text) => total + countTokens(text), 0);
    sendJson({
      response,
      status: 200,
      headers: { "mistral-correlation-id": `corr_mock_${sequence}` },
      body: {
        id: `embd-mock${sequence}`,
        object: "list",
        model: script.model ?? (typeof body.model === "string" ? body.model : "mistral-embed"),
        data: texts.map((input, index) => ({
          object: "embedding",
          index,
          embedding: createDeterministicEmbedding({ input, dimensions }),
        })),
        usage: { prompt_tokens: promptTokens, completion_tokens: 0, total_tokens: promptTokens },
      },
    });
  },
};
