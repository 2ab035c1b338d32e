import type { MockProvider } from "../internal-types.js";
import { chatCompletionsRoute } from "./chat-completions-route.js";
import { createOpenAIErrorBody } from "./create-openai-error-body.js";
import { embeddingsRoute } from "./embeddings-route.js";
import { responsesRoute } from "./responses-route.js";

/** The OpenAI wire format: chat completions, Responses and embeddings under `/v1`. */
export const openaiProvider: MockProvider = {
  name: "openai",
  routes: [chatCompletionsRoute, responsesRoute, embeddingsRoute],
  ownsPath: (path) => path.startsWith("/v1/"),
  createErrorBody: createOpenAIErrorBody,
};
