import { type GenAIResponse, type Operation, reportTelemetryError } from "@sightline/core/provider";
import { mapAISDKOutputMessages } from "./map-ai-sdk-content.js";
import { mapAISDKFinishReason } from "./map-ai-sdk-finish-reason.js";
import { type ModelV4Usage, mapModelV4Usage } from "./map-model-v4-usage.js";
import { readAISDKRefusal } from "./read-ai-sdk-refusal.js";

/** Stream parts that carry output, for time to first chunk and the gaps between chunks. */
const OUTPUT_PARTS = new Set(["text-delta", "reasoning-delta", "tool-input-delta", "tool-call"]);

/**
 * Passes a provider model's stream through unchanged (same part objects, same order) and folds
 * its parts into the operation on the side: first output chunk, chunk gaps, response id and model,
 * finish reason and usage. The operation ends once: at the end of the stream, on an error part or
 * a failing stream, on cancel, or on abort.
 */
export function observeModelStream<Part extends { type: string }>(options: {
  stream: ReadableStream<Part>;
  operation: Operation;
  captureContent: boolean;
  signal?: AbortSignal;
}): ReadableStream<Part> {
  const { operation, captureContent, signal } = options;
  const response: GenAIResponse = {};
  let text = "";
  let finishReason: string | undefined;
  const end = (outcome: "completed" | "cancelled" | "aborted" | "error", error?: unknown): void => {
    if (operation.isEnded) return;
    if (finishReason !== undefined) response.finishReasons = [finishReason];
    const reason = finishReason ?? "error";
    if (captureContent)
      response.outputMessages = () => mapAISDKOutputMessages([{ type: "text", text }], reason);
    operation.endStream(outcome, response, error);
  };
  const onAbort = (): void => end("aborted");
  if (signal) {
    signal.addEventListener("abort", onAbort, { once: true });
    operation.onEnd(() => signal.removeEventListener("abort", onAbort));
  }
  return options.stream.pipeThrough(
    new TransformStream<Part, Part>({
      transform(chunk, controller) {
        controller.enqueue(chunk);
        const part = chunk as unknown as Record<string, unknown> & { type: string };
        try {
          const time = performance.now();
          operation.lastActivity = time;
          operation.chunkCount++;
          if (OUTPUT_PARTS.has(part.type)) {
            if (operation.firstChunkTime === undefined) operation.firstChunkTime = time;
            operation.markOutputChunk(time);
            if (captureContent && part.type === "text-delta" && typeof part.delta === "string")
              text += part.delta;
          } else if (part.type === "response-metadata") {
            if (typeof part.id === "string") response.id = part.id;
            if (typeof part.modelId === "string") response.model = part.modelId;
          } else if (part.type === "finish") {
            finishReason = mapAISDKFinishReason(
              (part.finishReason as { unified?: unknown } | undefined)?.unified,
            );
            response.refusal = readAISDKRefusal(part.finishReason);
            response.usage = mapModelV4Usage(part.usage as ModelV4Usage | undefined);
          } else if (part.type === "error") {
            end("error", part.error);
          }
        } catch (error) {
          reportTelemetryError("reading an AI SDK stream part", error);
        }
      },
      flush() {
        end(signal?.aborted ? "aborted" : "completed");
      },
    }),
  );
}
