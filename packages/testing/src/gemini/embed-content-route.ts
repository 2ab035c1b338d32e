import { collectText } from "../count-tokens.js";
import { createDeterministicEmbedding } from "../create-deterministic-embedding.js";
import type { MockRoute } from "../internal-types.js";
import { isRecord } from "../is-record.js";
import { sendJson } from "../send-json.js";
import { parseGeminiPath } from "./parse-gemini-path.js";

const DEFAULT_DIMENSIONS = 8;

/**
 * `POST …/models/{model}:embedContent` (`{ embedding }`) and `:batchEmbedContents`
 * (`{ embeddings: [...] }`, what `@google/genai` sends for the Gemini API): deterministic unit
 * vectors, `outputDimensionality` long (default 8).
 */
export const embedContentRoute: MockRoute = {
  method: "POST",
  matches: (path) => {
    const method = parseGeminiPath(path)?.method;
    return method === "embedContent" || method === "batchEmbedContents";
  },
  handle: ({ request, response }) => {
    const body = isRecord(request.body) ? request.body : {};
    const embed = (item: unknown) => {
      const fields = isRecord(item) ? item : {};
      const dimensions =
        typeof fields.outputDimensionality === "number" ? fields.outputDimensionality : DEFAULT_DIMENSIONS;
      return { values: createDeterministicEmbedding({ input: collectText(fields.content), dimensions }) };
    };
    if (parseGeminiPath(request.path)?.method === "embedContent") {
      sendJson({ response, status: 200, body: { embedding: embed(body) } });
      return;
    }
    const requests = Array.isArray(body.requests) ? body.requests : [];
    sendJson({ response, status: 200, body: { embeddings: requests.map(embed) } });
  },
};
