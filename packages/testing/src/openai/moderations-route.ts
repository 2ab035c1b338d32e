import { collectText } from "../count-tokens.js";
import type { MockRoute } from "../internal-types.js";
import { isRecord } from "../is-record.js";
import { resolveResponseModel } from "../resolve-response-model.js";
import { sendJson } from "../send-json.js";

const CATEGORIES = ["harassment", "hate", "self-harm", "sexual", "violence", "illicit"];

/**
 * `POST /v1/moderations`: one result per input (a string, strings, or multimodal parts). An input whose text
 * contains the word `flag` is flagged for `violence`; everything else passes. Model default `omni-moderation-latest`.
 */
export const moderationsRoute: MockRoute = {
  method: "POST",
  matches: (path) => path.endsWith("/moderations"),
  handle: ({ request, response, sequence }) => {
    const body = isRecord(request.body) ? request.body : {};
    const inputs =
      Array.isArray(body.input) && body.input.some((item) => typeof item === "string")
        ? body.input
        : [body.input];
    const results = inputs.map((input) => {
      const flagged = /\bflag/i.test(collectText(input));
      const categories = Object.fromEntries(CATEGORIES.map((name) => [name, flagged && name === "violence"]));
      const scores = Object.fromEntries(
        CATEGORIES.map((name) => [name, flagged && name === "violence" ? 0.97 : 0.001]),
      );
      return { flagged, categories, category_scores: scores, category_applied_input_types: {} };
    });
    sendJson({
      response,
      status: 200,
      body: {
        id: `modr-mock${sequence}`,
        model: resolveResponseModel(body.model, "omni-moderation-latest"),
        results,
      },
      headers: { "x-request-id": `req_mock_${sequence}` },
    });
  },
};
