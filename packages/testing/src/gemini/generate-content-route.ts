import type { MockRoute } from "../internal-types.js";
import { mergeScriptFields } from "../merge-script-fields.js";
import { sendJson } from "../send-json.js";
import { writeSse } from "../write-sse.js";
import { buildGeminiResponse, buildGeminiResponseChunks } from "./build-gemini-response.js";
import { createGeminiErrorBody } from "./create-gemini-error-body.js";
import { parseGeminiPath } from "./parse-gemini-path.js";
import { resolveGeminiAnswer } from "./resolve-gemini-answer.js";

/**
 * `POST …/models/{model}:generateContent` and `:streamGenerateContent` (SSE with `alt=sse`), in
 * the Gemini API's and Vertex AI's paths alike.
 */
export const generateContentRoute: MockRoute = {
  method: "POST",
  matches: (path) => {
    const method = parseGeminiPath(path)?.method;
    return method === "generateContent" || method === "streamGenerateContent";
  },
  handle: async ({ request, script, response, sequence, signal }) => {
    const parsed = parseGeminiPath(request.path);
    const answer = resolveGeminiAnswer({ body: request.body, script, model: parsed?.model ?? "gemini-mock" });
    if (parsed?.method !== "streamGenerateContent") {
      sendJson({
        response,
        status: 200,
        body: mergeScriptFields(buildGeminiResponse({ answer, sequence }), script),
      });
      return;
    }
    const chunks = buildGeminiResponseChunks({ answer, sequence, chunks: script.chunks ?? 5 });
    await writeSse({
      response,
      frames: chunks.map((data) => ({ data })),
      script,
      signal,
      createErrorFrame: () => ({
        data: createGeminiErrorBody({ status: 503, message: "The Sightline mock failed mid-stream." }),
      }),
    });
  },
};
