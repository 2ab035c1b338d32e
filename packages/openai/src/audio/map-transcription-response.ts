import { asFields, asNumber, asString, type GenAIResponse, type GenAIUsage } from "@sightline/core/provider";
import { ATTR_SIGHTLINE_AUDIO_DURATION, ATTR_SIGHTLINE_AUDIO_LANGUAGE } from "@sightline/core/semconv";

/**
 * Maps a transcription or translation: `{ text, usage? }`, a verbose body with `duration`, or a plain string
 * (`text`/`srt`/`vtt`). Cost basis: `usage.type = "tokens"` (GPT transcribe models) → audio and text tokens;
 * `usage.type = "duration"` or a verbose `duration` (whisper-1) → billed `second`s. A plain-text answer
 * carries neither, so it stays unpriced rather than guessed.
 */
export function mapTranscriptionResponse(body: unknown): GenAIResponse {
  if (typeof body === "string") return { outputMessages: () => [textMessage(body)] };
  const fields = asFields(body);
  const usageFields = asFields(fields.usage);
  const response: GenAIResponse = {
    attributes: {},
    outputMessages: () => [textMessage(asString(fields.text) ?? "")],
  };
  const language = asString(fields.language);
  if (language && response.attributes) response.attributes[ATTR_SIGHTLINE_AUDIO_LANGUAGE] = language;
  if (usageFields.type === "tokens") {
    response.usage = mapTranscriptionTokens(usageFields);
  }
  const seconds = usageFields.type === "duration" ? asNumber(usageFields.seconds) : asNumber(fields.duration);
  if (seconds !== undefined && seconds >= 0) {
    if (response.attributes) response.attributes[ATTR_SIGHTLINE_AUDIO_DURATION] = seconds;
    if (!response.usage) response.billedUnits = [{ unit: "second", quantity: seconds }];
  }
  return response;
}

/** Transcription token usage: audio and text input tokens (audio is a subset of input), text output. */
export function mapTranscriptionTokens(usage: Record<string, unknown>): GenAIUsage {
  const details = asFields(usage.input_token_details);
  return {
    inputTokens: asNumber(usage.input_tokens),
    outputTokens: asNumber(usage.output_tokens),
    audioInputTokens: asNumber(details.audio_tokens),
  };
}

function textMessage(text: string) {
  return { role: "assistant", parts: [{ type: "text", content: text }], finish_reason: "stop" };
}
