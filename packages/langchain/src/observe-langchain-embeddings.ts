import {
  asString,
  createInstrumentation,
  type Instrumentation,
  reportTelemetryError,
} from "@sightline/core/provider";
import { GEN_AI_OPERATION_EMBEDDINGS } from "@sightline/core/semconv";
import { mapLangChainProvider } from "./map-langchain-provider.js";
import type { SightlineLangChainEmbeddingsOptions } from "./types.js";
import { PACKAGE_NAME, PACKAGE_VERSION } from "./version.js";

const OBSERVED = Symbol.for("sightline.langchain.embeddings");

/** The embedding methods LangChain's `Embeddings` classes have. */
interface EmbeddingsLike {
  embedQuery(text: string): Promise<number[]>;
  embedDocuments(documents: string[]): Promise<number[][]>;
}

/**
 * Records a LangChain embeddings object's `embedQuery` / `embedDocuments` calls as GenAI
 * `embeddings` CLIENT spans (provider from the class, model, vector length; budgets and policies
 * apply). LangChain.js embeddings emit no callbacks, so the handler cannot see them: this wraps
 * the two methods on the instance and returns the same object. The request runs inside the span's
 * context with Sightline's mark, so a Sightline client wrapper under it records nothing twice.
 * LangChain returns only vectors: no token counts, hence no cost (the span says `unpriced`).
 * @example
 * const embeddings = observeLangChainEmbeddings(new OpenAIEmbeddings({ model: "text-embedding-3-small" }));
 */
export function observeLangChainEmbeddings<T extends EmbeddingsLike>(
  embeddings: T,
  options: SightlineLangChainEmbeddingsOptions = {},
): T {
  const target = embeddings as T & { [OBSERVED]?: true };
  if (!embeddings || typeof embeddings !== "object" || target[OBSERVED]) return embeddings;
  const instrumentation = createInstrumentation({
    scopeName: PACKAGE_NAME,
    scopeVersion: PACKAGE_VERSION,
    options,
  });
  const className = (embeddings as { constructor?: { name?: string } }).constructor?.name;
  const provider = mapLangChainProvider(className);
  const fields = embeddings as unknown as Record<string, unknown>;
  const model = asString(fields.model) ?? asString(fields.modelName) ?? asString(fields.modelId);
  const query = embeddings.embedQuery;
  const documents = embeddings.embedDocuments;
  if (typeof query === "function") {
    target.embedQuery = (text: string) =>
      traceEmbeddings(instrumentation, { provider, model }, () => query.call(embeddings, text));
  }
  if (typeof documents === "function") {
    target.embedDocuments = (texts: string[]) =>
      traceEmbeddings(instrumentation, { provider, model }, () => documents.call(embeddings, texts));
  }
  Object.defineProperty(target, OBSERVED, { value: true });
  return embeddings;
}

function traceEmbeddings<R extends number[] | number[][]>(
  instrumentation: Instrumentation,
  describe: { provider: string; model: string | undefined },
  invoke: () => Promise<R>,
): Promise<R> {
  return instrumentation.traceOperation({
    request: { operation: GEN_AI_OPERATION_EMBEDDINGS, model: describe.model },
    target: { provider: describe.provider },
    invoke,
    observe: (result, operation) => {
      Promise.resolve(result).then(
        (vectors) => {
          try {
            const first = (vectors as unknown[])[0];
            const dimensions = Array.isArray(first) ? first.length : (vectors as unknown[]).length;
            operation.succeed({ embeddingDimensions: dimensions });
          } catch (error) {
            reportTelemetryError("reading LangChain embeddings", error);
            operation.succeed({});
          }
        },
        (error: unknown) => operation.fail(error),
      );
    },
  });
}
