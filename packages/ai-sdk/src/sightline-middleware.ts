import { createInstrumentation } from "@sightline/core/provider";
import type { LanguageModelMiddleware } from "ai";
import { mapGenerateResult } from "./map-generate-result.js";
import { mapLanguageModelRequest } from "./map-language-model-request.js";
import { observeModelStream } from "./observe-model-stream.js";
import type { SightlineAISDKOptions } from "./types.js";
import { PACKAGE_NAME, PACKAGE_VERSION } from "./version.js";

/** The call options of a provider model call, as far as Sightline reads them. */
interface ModelCallParams {
  prompt?: { role?: string; content?: unknown }[];
  tools?: unknown;
  maxOutputTokens?: number;
  temperature?: number;
  topP?: number;
  topK?: number;
  presencePenalty?: number;
  frequencyPenalty?: number;
  stopSequences?: string[];
  seed?: number;
  responseFormat?: { type?: string };
  abortSignal?: AbortSignal;
}

/**
 * A language-model middleware that makes every call through one model a GenAI `chat` operation:
 * `wrapLanguageModel({ model, middleware: sightlineMiddleware() })`. Budgets and policies in
 * enforce mode refuse before the provider is called, for every AI SDK function (generateObject and
 * streamObject too, which the telemetry hook cannot stop). Inside a call the telemetry integration
 * already records, it records nothing, so using both never counts a call twice.
 * @example
 * const model = wrapLanguageModel({ model: openai("gpt-4o"), middleware: sightlineMiddleware({ governance }) });
 */
export function sightlineMiddleware(options: SightlineAISDKOptions = {}): LanguageModelMiddleware {
  const instrumentation = createInstrumentation({
    scopeName: PACKAGE_NAME,
    scopeVersion: PACKAGE_VERSION,
    options,
  });
  // Content is mapped when captured or when online evaluation may need it; the span records it only when captured.
  const captureContent = instrumentation.config.keepContent;
  // The same request mapping as the telemetry integration's, from the provider call's own options.
  const describe = (
    model: { provider: string; modelId: string },
    params: ModelCallParams,
    stream: boolean,
  ) => {
    const prompt = Array.isArray(params.prompt) ? params.prompt : [];
    return mapLanguageModelRequest({
      fields: {
        ...params,
        provider: model.provider,
        modelId: model.modelId,
        instructions: prompt.filter((message) => message.role === "system"),
        messages: prompt.filter((message) => message.role !== "system"),
      },
      stream,
      captureContent,
      outputType: params.responseFormat?.type === "json" ? "json" : undefined,
    });
  };

  return {
    specificationVersion: "v4",
    wrapGenerate({ doGenerate, params, model }) {
      const { request, target } = describe(model, params as ModelCallParams, false);
      return instrumentation.traceOperation({
        request,
        target,
        invoke: doGenerate,
        observe: (result, operation) => {
          Promise.resolve(result).then(
            (value) =>
              operation.succeed(
                mapGenerateResult({ result: value, provider: model.provider, captureContent }),
              ),
            (error: unknown) => operation.fail(error),
          );
        },
      });
    },
    wrapStream({ doStream, params, model }) {
      const { request, target } = describe(model, params as ModelCallParams, true);
      let observed: ReturnType<typeof doStream> | undefined;
      const result = instrumentation.traceOperation({
        request,
        target,
        invoke: doStream,
        observe: (promise, operation) => {
          // The stream is only reachable through the promised result, so this one wrapper returns a
          // result whose stream is observed (the parts themselves pass through unchanged).
          observed = Promise.resolve(promise).then(
            (value) => ({
              ...value,
              stream: observeModelStream({
                stream: value.stream,
                operation,
                captureContent,
                signal: (params as ModelCallParams).abortSignal,
              }),
            }),
            (error: unknown) => {
              operation.fail(error);
              throw error;
            },
          );
        },
      });
      return observed ?? result;
    },
  };
}
