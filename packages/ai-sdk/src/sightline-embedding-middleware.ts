import { createInstrumentation } from "@sightline/core/provider";
import { GEN_AI_OPERATION_EMBEDDINGS } from "@sightline/core/semconv";
import type { EmbeddingModelMiddleware } from "ai";
import { mapAISDKProvider } from "./map-ai-sdk-provider.js";
import type { SightlineAISDKOptions } from "./types.js";
import { PACKAGE_NAME, PACKAGE_VERSION } from "./version.js";

/**
 * An embedding-model middleware that makes every request through one embedding model a GenAI
 * `embeddings` operation: `wrapEmbeddingModel({ model, middleware: sightlineEmbeddingMiddleware() })`.
 * Its point is enforce mode: the AI SDK gives telemetry integrations no wrapper around embedding
 * requests, so only this can refuse an `embed`/`embedMany` over budget or against a policy before
 * the provider is called. Inside a request the telemetry integration already records, it records
 * nothing, so using both never counts a request twice.
 * @example
 * const embedder = wrapEmbeddingModel({ model: openai.embedding("text-embedding-3-small"), middleware: sightlineEmbeddingMiddleware({ governance }) });
 */
export function sightlineEmbeddingMiddleware(options: SightlineAISDKOptions = {}): EmbeddingModelMiddleware {
  const instrumentation = createInstrumentation({
    scopeName: PACKAGE_NAME,
    scopeVersion: PACKAGE_VERSION,
    options,
  });
  return {
    specificationVersion: "v4",
    async wrapEmbed({ doEmbed, model }) {
      const { provider, model: modelName } = mapAISDKProvider(model.provider, model.modelId);
      return await instrumentation.traceOperation({
        request: { operation: GEN_AI_OPERATION_EMBEDDINGS, model: modelName },
        target: { provider },
        invoke: doEmbed,
        observe: (result, operation) => {
          Promise.resolve(result).then(
            (value) =>
              operation.succeed({
                usage:
                  typeof value.usage?.tokens === "number" ? { inputTokens: value.usage.tokens } : undefined,
                embeddingDimensions: value.embeddings[0]?.length,
              }),
            (error: unknown) => operation.fail(error),
          );
        },
      });
    },
  };
}
