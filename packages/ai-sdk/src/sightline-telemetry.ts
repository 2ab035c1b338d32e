import { context, trace } from "@opentelemetry/api";
import {
  createInstrumentation,
  type Instrumentation,
  noteSightlineOperationStarted,
  type Operation,
  startAgentSpan,
  startToolSpan,
  takeForeignModelSpanStartedThisRun,
} from "@sightline/core/provider";
import { ATTR_GEN_AI_REQUEST_MODEL, GEN_AI_OPERATION_EMBEDDINGS } from "@sightline/core/semconv";
import type { Telemetry } from "ai";
import { type CallRegistry, createCallRegistry } from "./create-call-registry.js";
import { guardTelemetry } from "./guard-telemetry.js";
import { mapAISDKOutputMessages } from "./map-ai-sdk-content.js";
import { mapAISDKFinishReason } from "./map-ai-sdk-finish-reason.js";
import { mapAISDKProvider } from "./map-ai-sdk-provider.js";
import { mapAISDKUsage } from "./map-ai-sdk-usage.js";
import { type ModelGenerateResult, mapGenerateResult } from "./map-generate-result.js";
import { type LanguageModelCallFields, mapLanguageModelRequest } from "./map-language-model-request.js";
import { type ModelCallEnd, mapModelCallEnd, readOrigin, serverAttributes } from "./map-model-call-end.js";
import { readAISDKRefusal } from "./read-ai-sdk-refusal.js";
import { resolveCallContext } from "./resolve-call-context.js";
import { resolveModelCallContext } from "./resolve-model-call-context.js";
import type { SightlineAISDKOptions } from "./types.js";
import { PACKAGE_NAME, PACKAGE_VERSION } from "./version.js";

/** AI SDK operations that become an `invoke_agent` span with model calls under it. */
const TRACED_OPERATIONS: Readonly<Record<string, { stream: boolean; name: string }>> = {
  "ai.generateText": { stream: false, name: "generateText" },
  "ai.streamText": { stream: true, name: "streamText" },
  "ai.generateObject": { stream: false, name: "generateObject" },
  "ai.streamObject": { stream: true, name: "streamObject" },
  "ai.embed": { stream: false, name: "embed" },
  "ai.embedMany": { stream: false, name: "embedMany" },
};

/**
 * An AI SDK telemetry integration: register it once with `registerTelemetry()` from `ai` and every
 * generateText, streamText, generateObject, streamObject, embed, embedMany and ToolLoopAgent run
 * gets an `invoke_agent` span, one GenAI `chat`/`embeddings` span per model call (with provider,
 * models, tokens, finish reasons, time to first chunk, cost, drift, budgets and policies, content
 * only when capture is on) and one `execute_tool` span per tool call. With `governance` in enforce
 * mode, generateText/streamText/agent model calls are refused before the request is sent; see
 * `sightlineMiddleware()` for generateObject/streamObject and `sightlineEmbeddingMiddleware()` for
 * embed/embedMany.
 * @example
 * import { registerTelemetry } from "ai";
 * registerTelemetry(sightlineTelemetry());
 */
export function sightlineTelemetry(options: SightlineAISDKOptions = {}): Telemetry {
  const instrumentation = createInstrumentation({
    scopeName: PACKAGE_NAME,
    scopeVersion: PACKAGE_VERSION,
    options,
  });
  // The AI SDK offers no wrapper around object and embedding model calls, so nothing thrown here
  // could stop them: their engine counts their spend against budgets but runs no refusing guards
  // (sightlineMiddleware() and sightlineEmbeddingMiddleware() can refuse them).
  const observeOnly = options.governance?.beforeCall
    ? createInstrumentation({
        scopeName: PACKAGE_NAME,
        scopeVersion: PACKAGE_VERSION,
        options: { ...options, governance: { onFinish: options.governance.onFinish } },
      })
    : instrumentation;
  // Content is mapped when captured or when online evaluation may need it; the span records it only when captured.
  const captureContent = instrumentation.config.keepContent;
  const agentSpans = options.agentSpans !== false;
  const objectModelSpans = options.objectModelSpans !== false;
  const embeddingSpans = options.embeddingSpans !== false;
  const calls: CallRegistry = createCallRegistry();

  const startHookOperation = (
    engine: Instrumentation,
    callId: string,
    describe:
      | Parameters<typeof mapLanguageModelRequest>[0]
      | { embeddings: { provider?: string; modelId?: string } },
  ): Operation | undefined => {
    const state = calls.get(callId);
    let started: Operation | undefined;
    const { request, target } =
      "embeddings" in describe
        ? (() => {
            const { provider, model } = mapAISDKProvider(
              describe.embeddings.provider,
              describe.embeddings.modelId,
            );
            return { request: { operation: GEN_AI_OPERATION_EMBEDDINGS, model }, target: { provider } };
          })()
        : mapLanguageModelRequest(describe);
    // Another tool's span for this call, started by its hook just before this one, carries it;
    // else this call's own span is left for such a span starting just after to be hidden as its twin.
    const base = state?.context ?? context.active();
    const foreign = takeForeignModelSpanStartedThisRun(request.operation, request.model);
    context.with(foreign ? trace.setSpan(base, foreign) : base, () =>
      engine.traceOperation({
        request,
        target,
        invoke: () => undefined,
        observe: (_result, operation) => {
          started = operation;
        },
      }),
    );
    if (started && !started.attached) noteSightlineOperationStarted(started.mark, request.model);
    return started;
  };

  return guardTelemetry({
    onStart(event) {
      const traced = TRACED_OPERATIONS[event.operationId];
      if (!traced) return;
      const base = resolveCallContext(event);
      const { provider, model } = mapAISDKProvider(event.provider, event.modelId);
      const agent = agentSpans
        ? startAgentSpan(event.functionId || traced.name, {
            instrumentation,
            context: base,
            providerName: provider,
            attributes: model ? { [ATTR_GEN_AI_REQUEST_MODEL]: model } : undefined,
          })
        : undefined;
      calls.add(event.callId, {
        operationId: event.operationId,
        stream: traced.stream,
        agent,
        context: agent?.context ?? base,
        model: undefined,
        foreignModelSpan: undefined,
        embeds: new Map(),
        tools: new Map(),
      });
    },

    onLanguageModelCallStart(event: { callId: string; modelId?: string }) {
      const state = calls.get(event.callId);
      if (state) state.foreignModelSpan = takeForeignModelSpanStartedThisRun("chat", event.modelId);
    },

    executeLanguageModelCall<T>(
      event: LanguageModelCallFields & { callId: string; execute: () => PromiseLike<T> },
    ) {
      const state = calls.get(event.callId);
      let described: ReturnType<typeof mapLanguageModelRequest>;
      try {
        described = mapLanguageModelRequest({
          fields: event,
          stream: state?.stream ?? false,
          captureContent,
        });
      } catch {
        return event.execute();
      }
      // Guards run inside traceOperation before `execute`: an enforce-mode refusal throws here and
      // the provider never sees the request. The call's own context is used (its agent span, cost
      // tally and Sightline context), with another tool's open span for this model call kept active
      // (the AI SDK's own OTel integration wraps the call the same way), so core records onto it.
      const foreign = state?.foreignModelSpan;
      if (state) state.foreignModelSpan = undefined;
      const callContext =
        state && foreign?.isRecording()
          ? trace.setSpan(state.context, foreign)
          : resolveModelCallContext(state?.context);
      return context.with(callContext, () =>
        instrumentation.traceOperation({
          request: described.request,
          target: described.target,
          invoke: event.execute,
          observe: (result, operation) => {
            // A generate call ends with its result, read here before any outer wrapper continues (so
            // a span another tool ends when the call returns still gets tokens and cost); a stream
            // ends with the AI SDK's end-of-call hook.
            const streaming = state?.stream ?? false;
            if (state && streaming) state.model = operation;
            Promise.resolve(result).then(
              (value) => {
                if (streaming) return;
                const response = mapGenerateResult({
                  result: value as ModelGenerateResult,
                  provider: event.provider ?? "",
                  captureContent,
                });
                const server = readOrigin(
                  (value as { request?: { url?: string } } | undefined)?.request?.url,
                );
                if (server) response.attributes = serverAttributes(server);
                operation.succeed(response);
              },
              (error: unknown) => {
                if (state?.model === operation) state.model = undefined;
                operation.fail(error);
              },
            );
          },
        }),
      );
    },

    onLanguageModelCallEnd(event: ModelCallEnd) {
      const state = calls.get(event.callId);
      const operation = state?.model;
      if (!state || !operation) return;
      state.model = undefined;
      const ttfo = event.performance?.timeToFirstOutputMs;
      if (state.stream && typeof ttfo === "number") operation.firstChunkTime = operation.startTime + ttfo;
      operation.succeed(mapModelCallEnd(event, captureContent));
    },

    onStepError(event) {
      const state = calls.get(event.callId);
      state?.model?.fail(event.error);
      if (state) state.model = undefined;
    },

    onObjectStepStart(event) {
      const state = calls.get(event.callId);
      if (!state || !objectModelSpans) return;
      state.model = startHookOperation(observeOnly, event.callId, {
        fields: { provider: event.provider, modelId: event.modelId },
        stream: state.stream,
        captureContent: false,
        outputType: "json",
      });
    },

    onObjectStepEnd(event) {
      const state = calls.get(event.callId);
      const operation = state?.model;
      if (!state || !operation) return;
      state.model = undefined;
      if (state.stream && typeof event.msToFirstChunk === "number") {
        operation.firstChunkTime = operation.startTime + event.msToFirstChunk;
      }
      const reason = mapAISDKFinishReason(event.finishReason);
      operation.succeed({
        id: event.response?.id,
        model: mapAISDKProvider(event.provider, event.response?.modelId ?? event.modelId).model,
        finishReasons: [reason],
        refusal: readAISDKRefusal(event.finishReason),
        usage: mapAISDKUsage(event.usage),
        outputMessages: captureContent
          ? () => mapAISDKOutputMessages([{ type: "text", text: event.objectText }], reason)
          : undefined,
      });
    },

    onEmbedStart(event) {
      if (!embeddingSpans) return;
      const state = calls.get(event.callId);
      const operation = startHookOperation(observeOnly, event.callId, {
        embeddings: { provider: event.provider, modelId: event.modelId },
      });
      if (state && operation) state.embeds.set(event.embedCallId, operation);
      else operation?.succeed({});
    },

    onEmbedEnd(event) {
      const state = calls.get(event.callId);
      const operation = state?.embeds.get(event.embedCallId);
      if (!state || !operation) return;
      state.embeds.delete(event.embedCallId);
      const tokens = event.usage?.tokens;
      operation.succeed({
        model: mapAISDKProvider(event.provider, event.modelId).model,
        usage: typeof tokens === "number" ? { inputTokens: tokens } : undefined,
        embeddingDimensions: event.embeddings?.[0]?.length,
      });
    },

    onToolExecutionStart(event) {
      const state = calls.get(event.callId);
      const call = event.toolCall;
      if (!state || !call) return;
      state.tools.set(
        call.toolCallId,
        startToolSpan(call.toolName, {
          instrumentation,
          context: state.context,
          callId: call.toolCallId,
          type: "function",
          arguments: call.input,
        }),
      );
    },

    executeTool<T>(event: { callId: string; toolCallId: string; execute: () => PromiseLike<T> }) {
      const tool = calls.get(event.callId)?.tools.get(event.toolCallId);
      // The tool runs in its span's context, so model calls (and AI SDK calls) inside it nest under it.
      return tool ? context.with(tool.context, event.execute) : event.execute();
    },

    onToolExecutionEnd(event) {
      const state = calls.get(event.callId);
      const toolCallId = event.toolCall?.toolCallId;
      const tool = toolCallId === undefined ? undefined : state?.tools.get(toolCallId);
      if (!state || !tool || toolCallId === undefined) return;
      state.tools.delete(toolCallId);
      const output = event.toolOutput as { type?: string; output?: unknown; error?: unknown } | undefined;
      if (output?.type === "tool-error") {
        tool.end(output.error ?? new Error("tool failed"));
        return;
      }
      tool.setResult(output?.output);
      tool.end();
    },

    onEnd(event) {
      calls.close(event.callId, {});
    },

    onAbort(event) {
      calls.close(event.callId, { aborted: true });
    },

    onError(event) {
      const { callId, error } = (event ?? {}) as { callId?: string; error?: unknown };
      calls.close(callId, { error: error ?? new Error("AI SDK call failed") });
    },
  });
}
