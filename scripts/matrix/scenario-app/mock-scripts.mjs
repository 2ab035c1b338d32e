// What the mock LLM server answers for each scenario, read by both sides: the matrix runner queues these
// scripts on the scenario's own mock server, and the scenario checks the SDK's result and the span
// against the same text and token counts. Plain data only, so the runner can load it without any SDK.

/** Token counts every successful call reports, so a span's counts can be checked exactly. */
export const USAGE = { inputTokens: 13, outputTokens: 7 };
/** The answer text; streamed answers are split into several chunks, which must join back to it. */
export const ANSWER = "Hello from the Sightline matrix, chunk by chunk.";
/** The HTTP status of the API-error scenarios: a plain client error no SDK retries. */
export const ERROR_STATUS = 400;
/** What `withContext` sets around the context scenarios' calls. */
export const CONTEXT_VALUES = { feature: "matrix-feature", conversationId: "matrix-conversation-1" };

const answer = { text: ANSWER, usage: USAGE };
const streamedAnswer = { text: ANSWER, usage: USAGE, chunks: 4 };
// The error scenarios call the raw client and then the wrapped one, so each gets the same error.
const apiError = [{ status: ERROR_STATUS }, { status: ERROR_STATUS }];

/** Scenario name → the scripts its mock server answers with, first in first out. */
export const MOCK_SCRIPTS = {
  "openai chat": [answer],
  "openai streamed chat": [streamedAnswer],
  "openai embeddings": [{ usage: USAGE }],
  "openai API error": apiError,
  "openai withContext": [streamedAnswer],
  "anthropic chat": [answer],
  "anthropic streamed chat": [streamedAnswer],
  "anthropic API error": apiError,
  "anthropic withContext": [streamedAnswer],
  "google-genai chat": [answer],
  "google-genai streamed chat": [streamedAnswer],
  "google-genai embeddings": [{}],
  "google-genai API error": apiError,
  "google-genai withContext": [streamedAnswer],
};

/** The provider a scenario belongs to: the first word of its name. */
export function providerOf(scenarioName) {
  return scenarioName.split(" ")[0];
}
