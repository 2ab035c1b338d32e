import { asFields, asNumber, asString, type GenAIRequest, type MessagePart } from "@sightline/core/provider";
import { GEN_AI_OPERATION_TEXT_COMPLETION } from "@sightline/core/semconv";
import { readStopSequences } from "../chat/map-chat-request.js";

/**
 * Maps `fim.complete` / `fim.stream` params (fill-in-the-middle: `prompt`, optional `suffix`) to a
 * `text_completion` request. Captured input is one user message: the prompt, then the suffix.
 */
export function mapFimRequest(params: unknown, stream: boolean): GenAIRequest {
  const body = asFields(params);
  return {
    operation: GEN_AI_OPERATION_TEXT_COMPLETION,
    model: asString(body.model),
    stream,
    parameters: {
      maxTokens: asNumber(body.maxTokens ?? body.max_tokens),
      temperature: asNumber(body.temperature),
      topP: asNumber(body.topP ?? body.top_p),
      seed: asNumber(body.randomSeed ?? body.random_seed),
      stopSequences: readStopSequences(body.stop),
    },
    content: () => {
      const parts: MessagePart[] = [];
      const prompt = asString(body.prompt);
      const suffix = asString(body.suffix);
      if (prompt) parts.push({ type: "text", content: prompt });
      if (suffix) parts.push({ type: "text", content: suffix });
      return { inputMessages: [{ role: "user", parts }] };
    },
  };
}
