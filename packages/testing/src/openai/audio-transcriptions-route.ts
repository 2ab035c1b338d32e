import { countTokens } from "../count-tokens.js";
import type { MockRoute } from "../internal-types.js";
import { isRecord } from "../is-record.js";
import { parseMultipartFields } from "../parse-multipart-fields.js";
import { sendJson } from "../send-json.js";
import { writeSse } from "../write-sse.js";

/** Seconds of audio every mock upload is said to last, unless the script sets `audioSeconds`. */
const DEFAULT_AUDIO_SECONDS = 8.5;
const DEFAULT_TRANSCRIPT = "Hello from the Sightline mock.";

/**
 * `POST /v1/audio/transcriptions` and `POST /v1/audio/translations` (multipart uploads). `json` (default)
 * answers `{ text, usage }`: `usage.type` `duration` (whole seconds) for `whisper-1`, `tokens` (audio and text
 * input, text output) for the GPT transcribe models; translations carry no usage, as the real API. `verbose_json`
 * adds `duration`, `language` and segments; `text`, `srt` and `vtt` answer plain text. `stream: true` on a
 * transcription sends `transcript.text.delta` events and a `transcript.text.done` with token usage.
 */
export const audioTranscriptionsRoute: MockRoute = {
  method: "POST",
  matches: (path) => path.endsWith("/audio/transcriptions") || path.endsWith("/audio/translations"),
  handle: async ({ request, script, response, sequence, signal }) => {
    const fields: Record<string, unknown> = isRecord(request.body)
      ? request.body
      : parseMultipartFields({ body: request.body, contentType: request.headers["content-type"] });
    const translation = request.path.endsWith("/translations");
    const model = typeof fields.model === "string" ? fields.model : "whisper-1";
    const text = script.text ?? DEFAULT_TRANSCRIPT;
    const seconds = script.audioSeconds ?? DEFAULT_AUDIO_SECONDS;
    const format = typeof fields.response_format === "string" ? fields.response_format : "json";
    const headers = { "x-request-id": `req_mock_${sequence}` };
    const usage = script.omitUsage || translation ? undefined : buildUsage({ model, text, seconds, script });

    if (fields.stream === "true" && !translation) {
      const deltas = text
        .split(/(?<= )/)
        .map((delta) => ({ data: { type: "transcript.text.delta", delta } }));
      const done: Record<string, unknown> = { type: "transcript.text.done", text };
      if (usage?.type === "tokens") done.usage = usage;
      await writeSse({ response, frames: [...deltas, { data: done }], script, signal, headers });
      return;
    }
    if (format === "text" || format === "srt" || format === "vtt") {
      response.writeHead(200, { ...headers, "content-type": "text/plain; charset=utf-8" });
      response.end(`${text}\n`);
      return;
    }
    const body: Record<string, unknown> = { text };
    if (format === "verbose_json") {
      Object.assign(body, {
        task: translation ? "translate" : "transcribe",
        language: "english",
        duration: seconds,
        segments: [{ id: 0, seek: 0, start: 0, end: seconds, text, tokens: [], temperature: 0 }],
      });
    }
    if (usage) body.usage = usage;
    sendJson({ response, status: 200, body, headers });
  },
};

function buildUsage(options: {
  model: string;
  text: string;
  seconds: number;
  script: { usage?: { inputTokens?: number; outputTokens?: number } };
}): Record<string, unknown> {
  if (options.model === "whisper-1") return { type: "duration", seconds: Math.ceil(options.seconds) };
  // GPT transcribe models bill audio tokens in and text tokens out (about 10 audio tokens a second).
  const audioTokens = options.script.usage?.inputTokens ?? Math.ceil(options.seconds * 10);
  const output = options.script.usage?.outputTokens ?? countTokens(options.text);
  return {
    type: "tokens",
    input_tokens: audioTokens,
    input_token_details: { text_tokens: 0, audio_tokens: audioTokens },
    output_tokens: output,
    total_tokens: audioTokens + output,
  };
}
