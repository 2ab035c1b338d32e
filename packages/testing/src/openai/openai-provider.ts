import type { MockProvider } from "../internal-types.js";
import { audioSpeechRoute } from "./audio-speech-route.js";
import { audioTranscriptionsRoute } from "./audio-transcriptions-route.js";
import { chatCompletionsRoute } from "./chat-completions-route.js";
import { completionsRoute } from "./completions-route.js";
import { createOpenAIErrorBody } from "./create-openai-error-body.js";
import { embeddingsRoute } from "./embeddings-route.js";
import { imagesRoute } from "./images-route.js";
import { moderationsRoute } from "./moderations-route.js";
import { responsesRoute } from "./responses-route.js";

/** Legacy completions, images, audio and moderations (one file each). */
const OTHER_OPENAI_ROUTES = [
  completionsRoute,
  imagesRoute,
  audioTranscriptionsRoute,
  audioSpeechRoute,
  moderationsRoute,
];

/** The OpenAI wire format: chat completions, Responses and embeddings under `/v1`. */
export const openaiProvider: MockProvider = {
  name: "openai",
  routes: [chatCompletionsRoute, responsesRoute, embeddingsRoute, ...OTHER_OPENAI_ROUTES],
  ownsPath: (path) => path.startsWith("/v1/"),
  createErrorBody: createOpenAIErrorBody,
};
