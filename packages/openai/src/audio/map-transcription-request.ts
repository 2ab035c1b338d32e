import { asFields, asNumber, asString, type GenAIRequest } from "@sightline/core/provider";
import {
  ATTR_OPENAI_API_TYPE,
  ATTR_SIGHTLINE_AUDIO_FORMAT,
  ATTR_SIGHTLINE_AUDIO_LANGUAGE,
  GEN_AI_OPERATION_GENERATE_CONTENT,
  OPENAI_API_TYPE_AUDIO_TRANSCRIPTIONS,
  OPENAI_API_TYPE_AUDIO_TRANSLATIONS,
} from "@sightline/core/semconv";

/**
 * Maps `audio.transcriptions.create` / `audio.translations.create` params: `generate_content` (audio in,
 * text out; semconv v1.41 has no speech-to-text operation) with `gen_ai.output.type = text`. The uploaded
 * file is never read; the prompt is the only captured content.
 */
export function mapTranscriptionRequest(
  kind: "transcriptions" | "translations",
): (params: unknown) => GenAIRequest {
  return (params) => {
    const body = asFields(params);
    const attributes: Record<string, string> = {
      [ATTR_OPENAI_API_TYPE]:
        kind === "transcriptions" ? OPENAI_API_TYPE_AUDIO_TRANSCRIPTIONS : OPENAI_API_TYPE_AUDIO_TRANSLATIONS,
    };
    const format = asString(body.response_format);
    if (format) attributes[ATTR_SIGHTLINE_AUDIO_FORMAT] = format;
    const language = asString(body.language);
    if (language) attributes[ATTR_SIGHTLINE_AUDIO_LANGUAGE] = language;
    const prompt = asString(body.prompt);
    return {
      operation: GEN_AI_OPERATION_GENERATE_CONTENT,
      model: asString(body.model),
      stream: body.stream === true,
      parameters: { outputType: "text", temperature: asNumber(body.temperature) },
      attributes,
      content: () => ({
        inputMessages: [
          {
            role: "user",
            parts: [
              // The uploaded audio is never read or recorded; the part only says there was one.
              { type: "omitted", modality: "audio" },
              ...(prompt ? [{ type: "text", content: prompt }] : []),
            ],
          },
        ],
      }),
    };
  };
}
