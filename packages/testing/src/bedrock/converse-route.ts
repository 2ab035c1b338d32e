import type { MockRoute } from "../internal-types.js";
import { mergeScriptFields } from "../merge-script-fields.js";
import { sendJson } from "../send-json.js";
import { splitText } from "../split-text.js";
import { parseBedrockPath } from "./parse-bedrock-path.js";
import { type BedrockAnswer, parseToolInput, resolveBedrockAnswer } from "./resolve-bedrock-answer.js";
import { type BedrockEvent, writeEventStream } from "./write-event-stream.js";

/**
 * `POST /model/{modelId}/converse` (JSON) and `/converse-stream` (event stream: messageStart,
 * contentBlockStart for tool use only, contentBlockDelta, contentBlockStop, messageStop, metadata).
 */
export const converseRoute: MockRoute = {
  method: "POST",
  matches: (path) => {
    const operation = parseBedrockPath(path)?.operation;
    return operation === "converse" || operation === "converse-stream";
  },
  handle: async ({ request, script, response, sequence, signal }) => {
    const parsed = parseBedrockPath(request.path);
    const answer = resolveBedrockAnswer({ body: request.body, script, model: parsed?.model ?? "mock" });
    const requestId = `req-mock-${sequence}`;
    if (parsed?.operation === "converse") {
      sendJson({
        response,
        status: 200,
        headers: { "x-amzn-requestid": requestId },
        body: mergeScriptFields(buildConverseResponse(answer), script),
      });
      return;
    }
    const events = buildConverseStreamEvents(answer, script.chunks ?? 5);
    await writeEventStream({ response, events, script, signal, requestId });
  },
};

function converseUsage(answer: BedrockAnswer): Record<string, number> {
  const usage: Record<string, number> = {
    inputTokens: answer.inputTokens,
    outputTokens: answer.outputTokens,
    totalTokens: answer.inputTokens + answer.outputTokens,
  };
  if (answer.cacheReadInputTokens !== undefined) usage.cacheReadInputTokens = answer.cacheReadInputTokens;
  if (answer.cacheWriteInputTokens !== undefined) usage.cacheWriteInputTokens = answer.cacheWriteInputTokens;
  return usage;
}

/** A complete Converse response. */
export function buildConverseResponse(answer: BedrockAnswer): Record<string, unknown> {
  const content: Record<string, unknown>[] = [];
  if (answer.text !== "") content.push({ text: answer.text });
  for (const [index, call] of answer.toolCalls.entries()) {
    content.push({
      toolUse: {
        toolUseId: call.id ?? `tooluse_mock_${index}`,
        name: call.name,
        input: parseToolInput(call),
      },
    });
  }
  const body: Record<string, unknown> = {
    output: { message: { role: "assistant", content } },
    stopReason: answer.stopReason,
    metrics: { latencyMs: 1 },
  };
  if (!answer.omitUsage) body.usage = converseUsage(answer);
  return body;
}

/** The events of a ConverseStream answer. */
export function buildConverseStreamEvents(answer: BedrockAnswer, chunks: number): BedrockEvent[] {
  const events: BedrockEvent[] = [{ eventType: "messageStart", payload: { role: "assistant" } }];
  let block = 0;
  const pieces = splitText(answer.text, chunks);
  if (pieces.length > 0) {
    for (const text of pieces) {
      events.push({ eventType: "contentBlockDelta", payload: { contentBlockIndex: block, delta: { text } } });
    }
    events.push({ eventType: "contentBlockStop", payload: { contentBlockIndex: block } });
    block++;
  }
  for (const [index, call] of answer.toolCalls.entries()) {
    events.push({
      eventType: "contentBlockStart",
      payload: {
        contentBlockIndex: block,
        start: { toolUse: { toolUseId: call.id ?? `tooluse_mock_${index}`, name: call.name } },
      },
    });
    events.push({
      eventType: "contentBlockDelta",
      payload: { contentBlockIndex: block, delta: { toolUse: { input: call.arguments } } },
    });
    events.push({ eventType: "contentBlockStop", payload: { contentBlockIndex: block } });
    block++;
  }
  events.push({ eventType: "messageStop", payload: { stopReason: answer.stopReason } });
  const metadata: Record<string, unknown> = { metrics: { latencyMs: 1 } };
  if (!answer.omitUsage) metadata.usage = converseUsage(answer);
  events.push({ eventType: "metadata", payload: metadata });
  return events;
}
