import type { MockRoute } from "../internal-types.js";
import { mergeScriptFields } from "../merge-script-fields.js";
import { buildInvokeBody, buildInvokeChunks, detectInvokeFamily } from "./build-invoke-body.js";
import { parseBedrockPath } from "./parse-bedrock-path.js";
import { resolveBedrockAnswer } from "./resolve-bedrock-answer.js";
import { writeEventStream } from "./write-event-stream.js";

/**
 * `POST /model/{modelId}/invoke` (the family's JSON body, token counts in the
 * `x-amzn-bedrock-input-token-count` / `-output-token-count` headers) and `/invoke-with-response-stream`
 * (`chunk` events whose `bytes` are the family's base64 JSON chunks).
 */
export const invokeRoute: MockRoute = {
  method: "POST",
  matches: (path) => {
    const operation = parseBedrockPath(path)?.operation;
    return operation === "invoke" || operation === "invoke-with-response-stream";
  },
  handle: async ({ request, script, response, sequence, signal }) => {
    const parsed = parseBedrockPath(request.path);
    const model = parsed?.model ?? "mock";
    const family = detectInvokeFamily(model);
    const answer = resolveBedrockAnswer({ body: request.body, script, model });
    const requestId = `req-mock-${sequence}`;
    if (parsed?.operation === "invoke") {
      const payload = JSON.stringify(mergeScriptFields(buildInvokeBody(family, answer, sequence), script));
      const headers: Record<string, string | number> = {
        "content-type": "application/json",
        "content-length": Buffer.byteLength(payload),
        "x-amzn-requestid": requestId,
        "x-amzn-bedrock-invocation-latency": 1,
      };
      if (!answer.omitUsage) {
        headers["x-amzn-bedrock-input-token-count"] = answer.inputTokens;
        headers["x-amzn-bedrock-output-token-count"] = answer.outputTokens;
      }
      response.writeHead(200, headers);
      response.end(payload);
      return;
    }
    const events = buildInvokeChunks(family, answer, sequence, script.chunks ?? 5).map((chunk) => ({
      eventType: "chunk",
      payload: { bytes: Buffer.from(JSON.stringify(chunk)).toString("base64") },
    }));
    await writeEventStream({ response, events, script, signal, requestId });
  },
};
