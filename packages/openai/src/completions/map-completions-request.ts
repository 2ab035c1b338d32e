import {
  asArray,
  asFields,
  asNumber,
  asString,
  type GenAIRequest,
  type InputMessage,
} from "@sightline/core/provider";
import {
  ATTR_OPENAI_API_TYPE,
  GEN_AI_OPERATION_TEXT_COMPLETION,
  OPENAI_API_TYPE_COMPLETIONS,
} from "@sightline/core/semconv";

/** Maps legacy `completions.create` params to core's request shape (operation `text_completion`). */
export function mapCompletionsRequest(params: unknown): GenAIRequest {
  const body = asFields(params);
  const stop = body.stop;
  return {
    operation: GEN_AI_OPERATION_TEXT_COMPLETION,
    model: asString(body.model),
    stream: body.stream === true,
    parameters: {
      maxTokens: asNumber(body.max_tokens),
      temperature: asNumber(body.temperature),
      topP: asNumber(body.top_p),
      frequencyPenalty: asNumber(body.frequency_penalty),
      presencePenalty: asNumber(body.presence_penalty),
      seed: asNumber(body.seed),
      choiceCount: asNumber(body.n),
      stopSequences:
        typeof stop === "string" ? [stop] : asArray(stop).filter((item) => typeof item === "string"),
    },
    attributes: { [ATTR_OPENAI_API_TYPE]: OPENAI_API_TYPE_COMPLETIONS },
    content: () => ({ inputMessages: mapPrompt(body.prompt) }),
  };
}

/** A prompt (string, strings, or token arrays) as user messages; token arrays are kept as their JSON. */
function mapPrompt(prompt: unknown): InputMessage[] {
  if (typeof prompt === "string") return [{ role: "user", parts: [{ type: "text", content: prompt }] }];
  const items = asArray(prompt);
  if (items.length > 0 && items.every((item) => typeof item === "number")) {
    return [{ role: "user", parts: [{ type: "text", content: JSON.stringify(items) }] }];
  }
  return items.map((item) => ({
    role: "user",
    parts: [{ type: "text", content: typeof item === "string" ? item : JSON.stringify(item) }],
  }));
}
