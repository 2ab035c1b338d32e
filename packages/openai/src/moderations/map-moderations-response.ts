import { asArray, asFields, asString, type GenAIResponse } from "@sightline/core/provider";
import {
  ATTR_SIGHTLINE_MODERATION_FLAGGED,
  ATTR_SIGHTLINE_MODERATION_RESULTS,
} from "@sightline/core/semconv";

/** Maps a moderation: id, model, result and flagged counts. Moderations are free, so no usage or cost. */
export function mapModerationsResponse(body: unknown): GenAIResponse {
  const fields = asFields(body);
  const results = asArray(fields.results).map(asFields);
  const flagged = results.filter((result) => result.flagged === true);
  return {
    id: asString(fields.id),
    model: asString(fields.model),
    attributes: {
      [ATTR_SIGHTLINE_MODERATION_RESULTS]: results.length,
      [ATTR_SIGHTLINE_MODERATION_FLAGGED]: flagged.length,
    },
    outputMessages: () => [
      {
        role: "assistant",
        parts: results.map((result) => ({
          type: "moderation",
          flagged: result.flagged === true,
          categories: Object.entries(asFields(result.categories))
            .filter(([, value]) => value === true)
            .map(([name]) => name),
        })),
        finish_reason: "stop",
      },
    ],
  };
}
