import { asArray, asFields, asNumber, asString, type GenAIRequest } from "@sightline/core/provider";
import { GEN_AI_OPERATION_GENERATE_CONTENT } from "@sightline/core/semconv";
import { mapGeminiContents, mapGeminiSystemInstruction } from "./map-gemini-contents.js";
import { mapGeminiToolDefinitions } from "./map-gemini-tool-definitions.js";

/** Maps `models.generateContent` / `generateContentStream` params to core's request shape. */
export function mapGenerateContentRequest(params: unknown, stream: boolean): GenAIRequest {
  const body = asFields(params);
  const config = asFields(body.config);
  const mimeType = asString(config.responseMimeType);
  return {
    operation: GEN_AI_OPERATION_GENERATE_CONTENT,
    model: stripModelPrefix(asString(body.model)),
    stream,
    parameters: {
      maxTokens: asNumber(config.maxOutputTokens),
      temperature: asNumber(config.temperature),
      topP: asNumber(config.topP),
      topK: asNumber(config.topK),
      frequencyPenalty: asNumber(config.frequencyPenalty),
      presencePenalty: asNumber(config.presencePenalty),
      seed: asNumber(config.seed),
      choiceCount: asNumber(config.candidateCount),
      stopSequences: asArray(config.stopSequences).filter((item): item is string => typeof item === "string"),
      outputType:
        mimeType === "application/json" ? "json" : mimeType?.startsWith("text/") ? "text" : undefined,
    },
    content: () => ({
      systemInstructions: mapGeminiSystemInstruction(config.systemInstruction),
      inputMessages: mapGeminiContents(body.contents),
      toolDefinitions: mapGeminiToolDefinitions(config.tools),
    }),
  };
}

/** `models/gemini-x` and `publishers/google/models/gemini-x` name the model `gemini-x`. */
export function stripModelPrefix(model: string | undefined): string | undefined {
  return model?.replace(/^.*models\//, "");
}
