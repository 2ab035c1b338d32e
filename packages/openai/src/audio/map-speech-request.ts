import { asFields, asString, type GenAIRequest } from "@sightline/core/provider";
import {
  ATTR_OPENAI_API_TYPE,
  ATTR_SIGHTLINE_AUDIO_FORMAT,
  ATTR_SIGHTLINE_AUDIO_INPUT_CHARACTERS,
  ATTR_SIGHTLINE_AUDIO_VOICE,
  GEN_AI_OPERATION_GENERATE_CONTENT,
  OPENAI_API_TYPE_AUDIO_SPEECH,
} from "@sightline/core/semconv";

/** Maps `audio.speech.create` params: `generate_content` with `gen_ai.output.type = speech`. */
export function mapSpeechRequest(params: unknown): GenAIRequest {
  const body = asFields(params);
  const input = asString(body.input) ?? "";
  const attributes: Record<string, string | number> = {
    [ATTR_OPENAI_API_TYPE]: OPENAI_API_TYPE_AUDIO_SPEECH,
    [ATTR_SIGHTLINE_AUDIO_INPUT_CHARACTERS]: countCharacters(input),
  };
  const voice = asString(body.voice) ?? asString(asFields(body.voice).id);
  if (voice) attributes[ATTR_SIGHTLINE_AUDIO_VOICE] = voice;
  attributes[ATTR_SIGHTLINE_AUDIO_FORMAT] = asString(body.response_format) ?? "mp3";
  const instructions = asString(body.instructions);
  return {
    operation: GEN_AI_OPERATION_GENERATE_CONTENT,
    model: asString(body.model),
    parameters: { outputType: "speech" },
    attributes,
    content: () => ({
      systemInstructions: instructions ? [{ type: "text", content: instructions }] : undefined,
      inputMessages: [{ role: "user", parts: [{ type: "text", content: input }] }],
    }),
  };
}

/** Characters as billed: Unicode code points, not UTF-16 units. */
export function countCharacters(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}
