import { collectText, countTokens } from "../count-tokens.js";
import type { MockRoute } from "../internal-types.js";
import { isRecord } from "../is-record.js";
import { mergeScriptFields } from "../merge-script-fields.js";
import { parseMultipartFields } from "../parse-multipart-fields.js";
import { sendJson } from "../send-json.js";
import { type SseFrame, writeSse } from "../write-sse.js";
import { MOCK_CREATED_AT } from "./mock-created-at.js";

/** A 1×1 transparent PNG: what every mock image is. */
const TINY_PNG_BASE64 =
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";
/** Output tokens of one 1024×1024 low-quality GPT image (OpenAI's own figure). */
const DEFAULT_IMAGE_OUTPUT_TOKENS = 272;

/**
 * `POST /v1/images/generations` (JSON) and `POST /v1/images/edits` (multipart): `n` images (default 1).
 * GPT image models (`gpt-image-*`) answer with `b64_json`, the effective `size`/`quality`/`output_format` and
 * token `usage` (`script.usage` overrides; `omitUsage` drops it); DALL·E models answer with URLs (or
 * `b64_json` when asked) and no usage, as the real API does. The model defaults to `dall-e-2`. GPT image
 * models stream with `stream: true`: `partial_images` partial events, then a `.completed` event with usage.
 */
export const imagesRoute: MockRoute = {
  method: "POST",
  matches: (path) => path.endsWith("/images/generations") || path.endsWith("/images/edits"),
  handle: async ({ request, script, response, sequence, signal }) => {
    const fields: Record<string, unknown> = isRecord(request.body)
      ? request.body
      : parseMultipartFields({ body: request.body, contentType: request.headers["content-type"] });
    const model = typeof fields.model === "string" && fields.model !== "" ? fields.model : "dall-e-2";
    const count = Math.max(1, Math.floor(Number(fields.n ?? 1)) || 1);
    const gptImage = model.startsWith("gpt-image");
    const base64 = gptImage || fields.response_format === "b64_json";
    const data = Array.from({ length: count }, (_, index) => {
      const image: Record<string, unknown> = base64
        ? { b64_json: TINY_PNG_BASE64 }
        : { url: `https://mock.sightline.invalid/images/${sequence}-${index}.png` };
      if (model === "dall-e-3") image.revised_prompt = collectText(fields.prompt);
      return image;
    });
    const body: Record<string, unknown> = { created: MOCK_CREATED_AT, data };
    if (gptImage) {
      body.size = typeof fields.size === "string" && fields.size !== "auto" ? fields.size : "1024x1024";
      body.quality =
        typeof fields.quality === "string" && fields.quality !== "auto" ? fields.quality : "medium";
      body.output_format = typeof fields.output_format === "string" ? fields.output_format : "png";
      if (!script.omitUsage) {
        const textTokens = countTokens(collectText(fields.prompt));
        const imageTokens = request.path.endsWith("/edits") ? 194 : 0;
        const input = script.usage?.inputTokens ?? textTokens + imageTokens;
        const output = script.usage?.outputTokens ?? DEFAULT_IMAGE_OUTPUT_TOKENS * count;
        body.usage = {
          input_tokens: input,
          input_tokens_details: { text_tokens: input - imageTokens, image_tokens: imageTokens },
          output_tokens: output,
          total_tokens: input + output,
        };
      }
    }
    mergeScriptFields(body, script);
    const headers = { "x-request-id": `req_mock_${sequence}` };
    if (gptImage && (fields.stream === true || fields.stream === "true")) {
      const prefix = request.path.endsWith("/edits") ? "image_edit" : "image_generation";
      const partials = Math.max(0, Math.floor(Number(fields.partial_images ?? 0)) || 0);
      const frames: SseFrame[] = Array.from({ length: partials }, (_, index) => ({
        event: `${prefix}.partial_image`,
        data: { type: `${prefix}.partial_image`, b64_json: TINY_PNG_BASE64, partial_image_index: index },
      }));
      const { data: _data, ...rest } = body;
      const completed = { type: `${prefix}.completed`, b64_json: TINY_PNG_BASE64, ...rest };
      frames.push({ event: `${prefix}.completed`, data: completed });
      await writeSse({ response, frames, script, signal, headers });
      return;
    }
    sendJson({ response, status: 200, body, headers });
  },
};
