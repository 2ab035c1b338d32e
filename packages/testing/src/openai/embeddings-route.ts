import { countTokens } from "../count-tokens.js";
import { createDeterministicEmbedding, encodeFloat32Base64 } from "../create-deterministic-embedding.js";
import type { MockRoute } from "../internal-types.js";
import { isRecord } from "../is-record.js";
import { sendJson } from "../send-json.js";

const DEFAULT_DIMENSIONS = 8;

/**
 * `POST /v1/embeddings`: one deterministic vector per input (a string, strings, tokens or token arrays),
 * `dimensions` honoured (default 8), `encoding_format` `float` or `base64`.
 */
export const embeddingsRoute: MockRoute = {
  method: "POST",
  matches: (path) => path.endsWith("/embeddings"),
  handle: ({ request, script, response, sequence }) => {
    const body = isRecord(request.body) ? request.body : {};
    const inputs = normaliseInputs(body.input);
    const dimensions =
      typeof body.dimensions === "number" && body.dimensions > 0
        ? Math.floor(body.dimensions)
        : DEFAULT_DIMENSIONS;
    const base64 = body.encoding_format === "base64";
    const data = inputs.map((input, index) => {
      const vector = createDeterministicEmbedding({ input, dimensions });
      return { object: "embedding", index, embedding: base64 ? encodeFloat32Base64(vector) : vector };
    });
    const promptTokens =
      script.usage?.inputTokens ?? inputs.reduce((total, input) => total + countTokens(input), 0);
    const answer: Record<string, unknown> = {
      object: "list",
      data,
      model: script.model ?? (typeof body.model === "string" ? body.model : "text-embedding-3-small"),
    };
    if (!script.omitUsage) answer.usage = { prompt_tokens: promptTokens, total_tokens: promptTokens };
    sendJson({ response, status: 200, body: answer, headers: { "x-request-id": `req_mock_${sequence}` } });
  },
};

function normaliseInputs(input: unknown): string[] {
  if (typeof input === "string") return [input];
  if (!Array.isArray(input) || input.length === 0) return [""];
  // A flat array of numbers is one tokenised input; anything else is one input per element.
  if (input.every((item) => typeof item === "number")) return [JSON.stringify(input)];
  return input.map((item) => (typeof item === "string" ? item : JSON.stringify(item)));
}
