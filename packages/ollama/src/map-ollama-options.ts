import { asArray, asFields, asNumber, type GenAIRequestParameters } from "@sightline/core/provider";

/** The semconv request parameters from Ollama's `options` (its model parameters) and `format`. */
export function mapOllamaOptions(body: Record<string, unknown>): GenAIRequestParameters {
  const options = asFields(body.options);
  const stop = asArray(options.stop).filter((item): item is string => typeof item === "string");
  return {
    maxTokens: asNumber(options.num_predict),
    temperature: asNumber(options.temperature),
    topP: asNumber(options.top_p),
    topK: asNumber(options.top_k),
    frequencyPenalty: asNumber(options.frequency_penalty),
    presencePenalty: asNumber(options.presence_penalty),
    seed: asNumber(options.seed),
    stopSequences: stop.length > 0 ? stop : undefined,
    outputType: body.format === undefined || body.format === "" ? undefined : "json",
  };
}
