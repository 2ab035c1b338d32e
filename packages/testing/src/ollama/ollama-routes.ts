import { collectText } from "../count-tokens.js";
import { createDeterministicEmbedding } from "../create-deterministic-embedding.js";
import type { MockRoute, MockRouteContext } from "../internal-types.js";
import { isRecord } from "../is-record.js";
import { sendJson } from "../send-json.js";
import { splitText } from "../split-text.js";
import {
  OLLAMA_MOCK_TIMINGS,
  type OllamaAnswer,
  resolveOllamaAnswer,
  toOllamaToolCalls,
} from "./resolve-ollama-answer.js";
import { writeNdjson } from "./write-ndjson.js";

const CREATED_AT = "2026-01-01T00:00:00.000000Z";
const EMBEDDING_DIMENSIONS = 8;

type Kind = "chat" | "generate";

/** The final object's fields: `done`, `done_reason`, timings and counts. */
function finalFields(answer: OllamaAnswer): Record<string, unknown> {
  return { done: true, done_reason: answer.doneReason, ...OLLAMA_MOCK_TIMINGS, ...answer.usage };
}

function piece(kind: Kind, text: string, toolCalls?: unknown[]): Record<string, unknown> {
  if (kind === "generate") return { response: text };
  const message: Record<string, unknown> = { role: "assistant", content: text };
  if (toolCalls && toolCalls.length > 0) message.tool_calls = toolCalls;
  return { message };
}

async function answerCompletion(kind: Kind, context: MockRouteContext): Promise<void> {
  const { request, script, response, signal } = context;
  const body = isRecord(request.body) ? request.body : {};
  const answer = resolveOllamaAnswer({ body, script });
  const head = { model: answer.model, created_at: CREATED_AT };
  const toolCalls = toOllamaToolCalls(answer.toolCalls);
  // Ollama streams unless the request says `stream: false`.
  if (body.stream === false) {
    const extra = kind === "generate" ? { context: [1, 2, 3] } : {};
    sendJson({
      response,
      status: 200,
      body: { ...head, ...piece(kind, answer.text, toolCalls), ...finalFields(answer), ...extra },
    });
    return;
  }
  const pieces = splitText(answer.text, script.chunks ?? 5);
  const lines: unknown[] = pieces.map((text) => ({ ...head, ...piece(kind, text), done: false }));
  if (toolCalls.length > 0) lines.push({ ...head, ...piece(kind, "", toolCalls), done: false });
  lines.push({ ...head, ...piece(kind, ""), ...finalFields(answer) });
  await writeNdjson({ response, lines, script, signal });
}

/** `POST /api/chat`: `{ model, message, done, done_reason, …timings, prompt_eval_count, eval_count }`, NDJSON when streamed. */
export const chatRoute: MockRoute = {
  method: "POST",
  matches: (path) => path === "/api/chat",
  handle: (context) => answerCompletion("chat", context),
};

/** `POST /api/generate`: the same with `response` instead of `message`, and `context` when not streamed. */
export const generateRoute: MockRoute = {
  method: "POST",
  matches: (path) => path === "/api/generate",
  handle: (context) => answerCompletion("generate", context),
};

/** `POST /api/embed`: `{ model, embeddings: [[…]], total_duration, load_duration, prompt_eval_count }`. */
export const embedRoute: MockRoute = {
  method: "POST",
  matches: (path) => path === "/api/embed",
  handle: ({ request, script, response }) => {
    const body = isRecord(request.body) ? request.body : {};
    const inputs = Array.isArray(body.input) ? body.input : [body.input];
    const embeddings = inputs.map((input) =>
      createDeterministicEmbedding({ input: collectText(input), dimensions: EMBEDDING_DIMENSIONS }),
    );
    const answer = resolveOllamaAnswer({ body: { model: body.model, prompt: body.input }, script });
    sendJson({
      response,
      status: 200,
      body: {
        model: answer.model,
        embeddings,
        total_duration: OLLAMA_MOCK_TIMINGS.total_duration,
        load_duration: OLLAMA_MOCK_TIMINGS.load_duration,
        ...(answer.usage ? { prompt_eval_count: answer.usage.prompt_eval_count } : {}),
      },
    });
  },
};

/** `POST /api/embeddings` (legacy): `{ embedding: […] }` and nothing else. */
export const embeddingsRoute: MockRoute = {
  method: "POST",
  matches: (path) => path === "/api/embeddings",
  handle: ({ request, response }) => {
    const body = isRecord(request.body) ? request.body : {};
    const embedding = createDeterministicEmbedding({
      input: collectText(body.prompt),
      dimensions: EMBEDDING_DIMENSIONS,
    });
    sendJson({ response, status: 200, body: { embedding } });
  },
};
