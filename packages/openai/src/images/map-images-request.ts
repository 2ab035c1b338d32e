import { asFields, asNumber, asString, type GenAIRequest } from "@sightline/core/provider";
import {
  ATTR_OPENAI_API_TYPE,
  ATTR_SIGHTLINE_IMAGE_QUALITY,
  ATTR_SIGHTLINE_IMAGE_SIZE,
  ATTR_SIGHTLINE_IMAGE_STYLE,
  GEN_AI_OPERATION_GENERATE_CONTENT,
  OPENAI_API_TYPE_IMAGES,
} from "@sightline/core/semconv";

/**
 * Maps `images.generate` / `images.edit` params. Semconv v1.41 has no image operation, so this is
 * `generate_content` (its "multimodal content generation") with `gen_ai.output.type = image`.
 */
export function mapImagesRequest(params: unknown): GenAIRequest {
  const body = asFields(params);
  const attributes: Record<string, string> = { [ATTR_OPENAI_API_TYPE]: OPENAI_API_TYPE_IMAGES };
  const size = asString(body.size);
  if (size) attributes[ATTR_SIGHTLINE_IMAGE_SIZE] = size;
  const quality = asString(body.quality);
  if (quality) attributes[ATTR_SIGHTLINE_IMAGE_QUALITY] = quality;
  const style = asString(body.style);
  if (style) attributes[ATTR_SIGHTLINE_IMAGE_STYLE] = style;
  const prompt = asString(body.prompt);
  return {
    operation: GEN_AI_OPERATION_GENERATE_CONTENT,
    model: asString(body.model),
    stream: body.stream === true,
    parameters: { outputType: "image", choiceCount: asNumber(body.n) },
    attributes,
    content: () => ({
      inputMessages:
        prompt === undefined ? [] : [{ role: "user", parts: [{ type: "text", content: prompt }] }],
    }),
  };
}
