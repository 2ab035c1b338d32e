import { isRecord } from "../is-record.js";
import { buildBuiltinToolCalls, type MockBuiltinTool } from "./build-builtin-tool-calls.js";
import { MOCK_CREATED_AT } from "./mock-created-at.js";
import type { OpenAIAnswer } from "./resolve-openai-answer.js";

/** Options for {@link buildResponse}. */
export interface BuildResponseOptions {
  /** The settled answer. */
  answer: OpenAIAnswer;
  /** The parsed request body: request parameters are echoed back like the real API does. */
  body: Record<string, unknown>;
  /** Per-server request counter, for deterministic ids. */
  sequence: number;
  /** Built-in tool calls to report before the message. Default: none. */
  builtinToolCalls?: readonly MockBuiltinTool[];
}

/** The Responses API terminal state a finish reason maps to. */
export interface ResponseOutcome {
  /** `completed`, `incomplete` or `failed`. */
  status: "completed" | "incomplete" | "failed";
  /** The terminal stream event type. */
  eventType: "response.completed" | "response.incomplete" | "response.failed";
  /** `incomplete_details`, or `null`. */
  incompleteDetails: { reason: string } | null;
  /** `error`, or `null`. */
  error: { code: string; message: string } | null;
}

/** Maps a script finish reason to the Responses status: `failed`, `length`/`max_output_tokens`, `content_filter`. */
export function getResponseOutcome(finishReason: string): ResponseOutcome {
  if (finishReason === "failed") {
    return {
      status: "failed",
      eventType: "response.failed",
      incompleteDetails: null,
      error: { code: "server_error", message: "The Sightline mock failed this response." },
    };
  }
  if (
    finishReason === "length" ||
    finishReason === "max_output_tokens" ||
    finishReason === "content_filter"
  ) {
    return {
      status: "incomplete",
      eventType: "response.incomplete",
      incompleteDetails: {
        reason: finishReason === "content_filter" ? "content_filter" : "max_output_tokens",
      },
      error: null,
    };
  }
  return { status: "completed", eventType: "response.completed", incompleteDetails: null, error: null };
}

/** The finished output items: a message (unless the answer has no text) and one `function_call` per tool call. */
export function buildResponseOutput(options: BuildResponseOptions): Record<string, unknown>[] {
  const { answer, sequence } = options;
  const items = buildBuiltinToolCalls({ tools: options.builtinToolCalls ?? [], sequence });
  if (answer.text !== null || answer.refusal !== null) {
    items.push({
      id: `msg_mock${sequence}`,
      type: "message",
      status: "completed",
      role: "assistant",
      content: [
        answer.refusal !== null
          ? { type: "refusal", refusal: answer.refusal }
          : { type: "output_text", text: answer.text, annotations: [], logprobs: [] },
      ],
    });
  }
  for (const [index, call] of answer.toolCalls.entries()) {
    items.push({
      id: `fc_mock${sequence}_${index}`,
      type: "function_call",
      status: "completed",
      call_id: call.id,
      name: call.name,
      arguments: call.arguments,
    });
  }
  return items;
}

/** The `response` object; `state` `in_progress` gives the snapshot the stream's first events carry. */
export function buildResponse(
  options: BuildResponseOptions & { state?: "in_progress" | "final" },
): Record<string, unknown> {
  const { answer, body } = options;
  const final = options.state !== "in_progress";
  const outcome = getResponseOutcome(answer.finishReason);
  const text = isRecord(body.text) ? body.text : {};
  return {
    id: `resp_mock${options.sequence}`,
    object: "response",
    created_at: MOCK_CREATED_AT,
    status: final ? outcome.status : "in_progress",
    background: false,
    error: final ? outcome.error : null,
    incomplete_details: final ? outcome.incompleteDetails : null,
    instructions: body.instructions ?? null,
    max_output_tokens: body.max_output_tokens ?? null,
    metadata: body.metadata ?? {},
    model: answer.model,
    output: final ? buildResponseOutput(options) : [],
    parallel_tool_calls: body.parallel_tool_calls ?? true,
    previous_response_id: body.previous_response_id ?? null,
    reasoning: { effort: null, summary: null },
    service_tier: "default",
    store: body.store ?? true,
    temperature: body.temperature ?? 1,
    text: { format: text.format ?? { type: "text" } },
    tool_choice: body.tool_choice ?? "auto",
    tools: body.tools ?? [],
    top_p: body.top_p ?? 1,
    truncation: body.truncation ?? "disabled",
    usage: final && answer.usage ? buildResponseUsage(answer.usage) : null,
    user: null,
  };
}

function buildResponseUsage(usage: NonNullable<OpenAIAnswer["usage"]>): Record<string, unknown> {
  return {
    input_tokens: usage.inputTokens,
    input_tokens_details: { cached_tokens: usage.cachedInputTokens },
    output_tokens: usage.outputTokens,
    output_tokens_details: { reasoning_tokens: usage.reasoningTokens },
    total_tokens: usage.inputTokens + usage.outputTokens,
  };
}

/** The JSON schema a Responses request asks the answer to follow (`text.format`), or `undefined`. */
export function getResponsesJsonSchema(body: Record<string, unknown>): unknown {
  const format = isRecord(body.text) ? body.text.format : undefined;
  if (!isRecord(format)) return undefined;
  if (format.type === "json_object") return { type: "object" };
  if (format.type !== "json_schema") return undefined;
  return format.schema ?? { type: "object" };
}
