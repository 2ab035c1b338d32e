import type { MockRoute } from "../internal-types.js";
import { isRecord } from "../is-record.js";

const CONTENT_TYPES: Record<string, string> = {
  mp3: "audio/mpeg",
  opus: "audio/opus",
  aac: "audio/aac",
  flac: "audio/flac",
  wav: "audio/wav",
  pcm: "audio/pcm",
};

/**
 * `POST /v1/audio/speech`: binary audio (a few deterministic bytes, 16 per input character) with the content type
 * of `response_format` (default `mp3`). There is no usage: speech is billed by input characters.
 */
export const audioSpeechRoute: MockRoute = {
  method: "POST",
  matches: (path) => path.endsWith("/audio/speech"),
  handle: ({ request, response, sequence }) => {
    const body = isRecord(request.body) ? request.body : {};
    const input = typeof body.input === "string" ? body.input : "";
    const format = typeof body.response_format === "string" ? body.response_format : "mp3";
    const audio = Buffer.alloc(Math.max(16, input.length * 16), sequence % 256);
    response.writeHead(200, {
      "x-request-id": `req_mock_${sequence}`,
      "content-type": CONTENT_TYPES[format] ?? "application/octet-stream",
      "content-length": audio.length,
    });
    response.end(audio);
  },
};
