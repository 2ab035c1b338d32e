import { collectText, countTokens } from "../count-tokens.js";
import { createDeterministicEmbedding } from "../create-deterministic-embedding.js";
import type { MockRoute } from "../internal-types.js";
import { isRecord } from "../is-record.js";
import { sendJson } from "../send-json.js";
import { stripCoherePrefix } from "./strip-cohere-prefix.js";

const DEFAULT_DIMENSIONS = 8;

/**
 * `POST /v2/embed`: deterministic unit vectors (`output_dimension` long, default 8) under
 * `embeddings.float`, and `meta.billed_units.input_tokens`.
 */
export const cohereEmbedRoute: MockRoute = {
  method: "POST",
  matches: (path) => stripCoherePrefix(path) === "/v2/embed",
  handle: ({ request, script, response, sequence }) => {
    const body = isRecord(request.body) ? request.body : {};
    const texts = Array.isArray(body.texts) ? body.texts.map((text) => collectText(text)) : [];
    const dimensions = typeof body.output_dimension === "number" ? body.output_dimension : DEFAULT_DIMENSIONS;
    const inputTokens = script.usage?.inputTokens ?? countTokens(texts.join(" "));
    sendJson({
      response,
      status: 200,
      body: {
        id: `cohere-mock-${sequence}`,
        embeddings: { float: texts.map((input) => createDeterministicEmbedding({ input, dimensions })) },
        texts,
        meta: { api_version: { version: "2" }, billed_units: { input_tokens: inputTokens } },
        response_type: "embeddings_by_type",
      },
    });
  },
};
