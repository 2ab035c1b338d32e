/** A Gemini REST path split into its model and method, e.g. `models/gemini-x` and `generateContent`. */
export interface GeminiPath {
  /** The model id without the `models/` or `publishers/google/models/` prefix. */
  model: string;
  /** The method after the colon. */
  method: string;
}

const MODEL_METHOD = /\/models\/([^/:]+):([A-Za-z]+)$/;

/** Parses `/{version}/…/models/{model}:{method}`, as both the Gemini API and Vertex AI spell it. */
export function parseGeminiPath(path: string): GeminiPath | undefined {
  const match = MODEL_METHOD.exec(path);
  if (!match?.[1] || !match[2]) return undefined;
  return { model: decodeURIComponent(match[1]), method: match[2] };
}
