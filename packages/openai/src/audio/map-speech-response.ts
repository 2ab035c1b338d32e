import { asFields, asString, type GenAIResponse } from "@sightline/core/provider";
import { countCharacters } from "./map-speech-request.js";

/**
 * Speech answers with raw audio (a fetch `Response` the caller reads): it is never touched here. The cost
 * basis is the request's input characters (tts-1, tts-1-hd); gpt-4o-mini-tts bills audio tokens the API does
 * not report, so it stays unpriced.
 */
export function mapSpeechResponse(_body: unknown, params: unknown): GenAIResponse {
  const input = asString(asFields(params).input) ?? "";
  return { billedUnits: [{ unit: "character", quantity: countCharacters(input) }] };
}
