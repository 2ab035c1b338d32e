import type { MockProvider } from "../internal-types.js";
import { createGeminiErrorBody } from "./create-gemini-error-body.js";
import { embedContentRoute } from "./embed-content-route.js";
import { generateContentRoute } from "./generate-content-route.js";
import { parseGeminiPath } from "./parse-gemini-path.js";

/** The Gemini wire format (Gemini API and Vertex AI paths): generate, stream and embed content. */
export const geminiProvider: MockProvider = {
  name: "gemini",
  routes: [generateContentRoute, embedContentRoute],
  ownsPath: (path) => path.startsWith("/v1beta/") || parseGeminiPath(path) !== undefined,
  createErrorBody: createGeminiErrorBody,
};
