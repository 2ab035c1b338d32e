import { asFields, asString, type GenAIRequest } from "@sightline/core/provider";
import { GEN_AI_OPERATION_TEXT_COMPLETION } from "@sightline/core/semconv";
import { mapOllamaOptions } from "../map-ollama-options.js";

/** Maps `ollama.generate(request)`: operation `text_completion`, the prompt as one user message. */
export function mapGenerateRequest(params: unknown): GenAIRequest {
  const body = asFields(params);
  return {
    operation: GEN_AI_OPERATION_TEXT_COMPLETION,
    model: asString(body.model),
    stream: body.stream === true,
    parameters: mapOllamaOptions(body),
    content: () => ({
      systemInstructions:
        typeof body.system === "string" && body.system !== ""
          ? [{ type: "text", content: body.system }]
          : undefined,
      inputMessages: [
        {
          role: "user",
          parts: [{ type: "text", content: typeof body.prompt === "string" ? body.prompt : "" }],
        },
      ],
    }),
  };
}
