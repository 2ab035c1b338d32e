import { splitText } from "../split-text.js";
import type { BedrockAnswer } from "./resolve-bedrock-answer.js";

/** The model families the mock's `/invoke` routes answer in their own body shapes. */
export type InvokeFamily =
  | "anthropic"
  | "nova"
  | "titan"
  | "llama"
  | "mistral"
  | "cohere"
  | "ai21"
  | "unknown";

/** The family of a model id, inference profile id or ARN (`us.anthropic.…`, `arn:…/meta.llama3-…`). */
export function detectInvokeFamily(model: string): InvokeFamily {
  const id = model.slice(model.lastIndexOf("/") + 1).replace(/^(?:us|eu|apac|au|jp|ca|us-gov|global)\./, "");
  if (id.startsWith("anthropic.")) return "anthropic";
  if (id.startsWith("amazon.nova")) return "nova";
  if (id.startsWith("amazon.titan-text")) return "titan";
  if (id.startsWith("meta.")) return "llama";
  if (id.startsWith("mistral.")) return "mistral";
  if (id.startsWith("cohere.")) return "cohere";
  if (id.startsWith("ai21.")) return "ai21";
  return "unknown";
}

const STOP: Record<InvokeFamily, Record<string, string>> = {
  anthropic: {},
  nova: {},
  titan: { end_turn: "FINISH", max_tokens: "LENGTH" },
  llama: { end_turn: "stop", max_tokens: "length" },
  mistral: { end_turn: "stop", max_tokens: "length" },
  cohere: { end_turn: "COMPLETE", max_tokens: "MAX_TOKENS" },
  ai21: { end_turn: "stop", max_tokens: "length" },
  unknown: {},
};

function stopOf(family: InvokeFamily, answer: BedrockAnswer): string {
  return STOP[family][answer.stopReason] ?? answer.stopReason;
}

/** A complete `/invoke` body in the family's own shape. */
export function buildInvokeBody(family: InvokeFamily, answer: BedrockAnswer, sequence: number): unknown {
  const { text, inputTokens, outputTokens } = answer;
  const stop = stopOf(family, answer);
  switch (family) {
    case "anthropic":
      return {
        id: `msg_bdrk_mock_${sequence}`,
        type: "message",
        role: "assistant",
        model: answer.model,
        content: [{ type: "text", text }],
        stop_reason: stop,
        stop_sequence: null,
        usage: { input_tokens: inputTokens, output_tokens: outputTokens },
      };
    case "nova":
      return {
        output: { message: { role: "assistant", content: [{ text }] } },
        stopReason: stop,
        usage: { inputTokens, outputTokens, totalTokens: inputTokens + outputTokens },
      };
    case "titan":
      return {
        inputTextTokenCount: inputTokens,
        results: [{ tokenCount: outputTokens, outputText: text, completionReason: stop }],
      };
    case "llama":
      return {
        generation: text,
        prompt_token_count: inputTokens,
        generation_token_count: outputTokens,
        stop_reason: stop,
      };
    case "mistral":
      return { outputs: [{ text, stop_reason: stop }] };
    case "cohere":
      return {
        response_id: `resp-mock-${sequence}`,
        generation_id: `gen-mock-${sequence}`,
        text,
        finish_reason: stop,
      };
    case "ai21":
      return {
        id: `chatcmpl-mock-${sequence}`,
        choices: [{ index: 0, message: { role: "assistant", content: text }, finish_reason: stop }],
        usage: {
          prompt_tokens: inputTokens,
          completion_tokens: outputTokens,
          total_tokens: inputTokens + outputTokens,
        },
      };
    default:
      return { text };
  }
}

/** The chunks of `/invoke-with-response-stream` in the family's own shape; the last carries the invocation metrics. */
export function buildInvokeChunks(
  family: InvokeFamily,
  answer: BedrockAnswer,
  sequence: number,
  count: number,
): Record<string, unknown>[] {
  const pieces = splitText(answer.text, count);
  const stop = stopOf(family, answer);
  const chunks: Record<string, unknown>[] = [];
  switch (family) {
    case "anthropic":
      chunks.push({
        type: "message_start",
        message: {
          id: `msg_bdrk_mock_${sequence}`,
          type: "message",
          role: "assistant",
          model: answer.model,
          content: [],
          stop_reason: null,
          usage: { input_tokens: answer.inputTokens, output_tokens: 1 },
        },
      });
      chunks.push({ type: "content_block_start", index: 0, content_block: { type: "text", text: "" } });
      for (const text of pieces)
        chunks.push({ type: "content_block_delta", index: 0, delta: { type: "text_delta", text } });
      chunks.push({ type: "content_block_stop", index: 0 });
      chunks.push({
        type: "message_delta",
        delta: { stop_reason: stop },
        usage: { output_tokens: answer.outputTokens },
      });
      chunks.push({ type: "message_stop" });
      break;
    case "nova":
      chunks.push({ messageStart: { role: "assistant" } });
      for (const text of pieces)
        chunks.push({ contentBlockDelta: { delta: { text }, contentBlockIndex: 0 } });
      chunks.push({ contentBlockStop: { contentBlockIndex: 0 } });
      chunks.push({ messageStop: { stopReason: stop } });
      chunks.push({
        metadata: { usage: { inputTokens: answer.inputTokens, outputTokens: answer.outputTokens } },
      });
      break;
    case "llama":
      for (const [index, text] of pieces.entries()) {
        const last = index === pieces.length - 1;
        chunks.push({
          generation: text,
          prompt_token_count: index === 0 ? answer.inputTokens : null,
          generation_token_count: last ? answer.outputTokens : index + 1,
          stop_reason: last ? stop : null,
        });
      }
      break;
    case "titan":
      for (const [index, text] of pieces.entries()) {
        const last = index === pieces.length - 1;
        chunks.push({
          outputText: text,
          index: 0,
          totalOutputTextTokenCount: last ? answer.outputTokens : index + 1,
          completionReason: last ? stop : null,
          inputTextTokenCount: answer.inputTokens,
        });
      }
      break;
    default:
      for (const [index, text] of pieces.entries()) {
        const last = index === pieces.length - 1;
        chunks.push({ outputs: [{ text, stop_reason: last ? stop : null }] });
      }
  }
  const last = chunks[chunks.length - 1];
  if (last && !answer.omitUsage) {
    last["amazon-bedrock-invocationMetrics"] = {
      inputTokenCount: answer.inputTokens,
      outputTokenCount: answer.outputTokens,
      invocationLatency: 1,
      firstByteLatency: 1,
    };
  }
  return chunks;
}
