import {
  asArray,
  asFields,
  asNumber,
  asString,
  type GenAIResponse,
  type MessagePart,
} from "@sightline/core/provider";
import {
  ATTR_SIGHTLINE_IMAGE_COUNT,
  ATTR_SIGHTLINE_IMAGE_QUALITY,
  ATTR_SIGHTLINE_IMAGE_SIZE,
} from "@sightline/core/semconv";
import { mapOpenAIUsage } from "../map-openai-usage.js";

/** DALL·E defaults when the request leaves size or quality out (the API's documented defaults). */
const DEFAULT_SIZE = "1024x1024";
const DEFAULT_QUALITY = "standard";

/**
 * Maps an images response (generate or edit). Cost: token usage when the API reports it (GPT image models:
 * text and image input tokens, image output tokens),
 * otherwise one billed `image` unit per returned image at the request's size and quality (DALL·E). Images are
 * never put in content attributes: URLs are kept as `uri` parts, base64 data as an `omitted` part with its length.
 */
export function mapImagesResponse(body: unknown, params: unknown): GenAIResponse {
  const fields = asFields(body);
  const request = asFields(params);
  const images = asArray(fields.data).map(asFields);
  const usage = mapOpenAIUsage(fields.usage);
  const size = asString(fields.size) ?? asString(request.size);
  const quality = asString(fields.quality) ?? asString(request.quality);
  const response: GenAIResponse = {
    model: asString(fields.model),
    attributes: {
      [ATTR_SIGHTLINE_IMAGE_COUNT]: images.length,
      ...(size ? { [ATTR_SIGHTLINE_IMAGE_SIZE]: size } : {}),
      ...(quality ? { [ATTR_SIGHTLINE_IMAGE_QUALITY]: quality } : {}),
    },
    outputMessages: () => [
      {
        role: "assistant",
        parts: images.map(mapImagePart),
        finish_reason: "stop",
      },
    ],
  };
  if (usage && (usage.inputTokens !== undefined || usage.outputTokens !== undefined)) {
    // A GPT image model's output is the image; newer ones may split it (`output_tokens_details.image_tokens`).
    const imageOutput = asNumber(asFields(asFields(fields.usage).output_tokens_details).image_tokens);
    response.usage = { ...usage, imageOutputTokens: imageOutput ?? usage.outputTokens };
  } else if (images.length > 0) {
    const model = asString(request.model) ?? "dall-e-2";
    response.billedUnits = [
      {
        unit: "image",
        quantity: images.length,
        variant: `${size ?? DEFAULT_SIZE}/${model === "dall-e-2" ? DEFAULT_QUALITY : (quality ?? DEFAULT_QUALITY)}`,
      },
    ];
  }
  return response;
}

function mapImagePart(image: Record<string, unknown>): MessagePart {
  const url = asString(image.url);
  if (url) return { type: "uri", modality: "image", uri: url };
  // Base64 image data is never recorded: a part says it was left out, and how long it was.
  return { type: "omitted", modality: "image", characters: asString(image.b64_json)?.length ?? 0 };
}
