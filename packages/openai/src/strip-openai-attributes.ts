import type { Attributes } from "@opentelemetry/api";
import type { MethodMapping } from "./method-mapping.js";

/** Providers whose spans carry the `openai.*` attributes: OpenAI itself and Azure OpenAI (the same API). */
const OPENAI_ATTRIBUTE_PROVIDERS = new Set(["openai", "azure.ai.openai"]);
const PREFIX = "openai.";

/**
 * Whether spans of this provider keep `openai.*` attributes. `gen_ai.provider.name` tells a reader which
 * provider-specific attributes to expect (semconv v1.41), so a DeepSeek or Ollama span carries none.
 */
export function keepsOpenAIAttributes(provider: string): boolean {
  return OPENAI_ATTRIBUTE_PROVIDERS.has(provider);
}

/** The same request or response without its `openai.*` attributes (the object itself when it has none). */
export function stripOpenAIAttributes<Value extends { attributes?: Attributes }>(value: Value): Value {
  const { attributes } = value;
  if (!attributes || !Object.keys(attributes).some((key) => key.startsWith(PREFIX))) return value;
  const kept: Attributes = {};
  for (const [key, attribute] of Object.entries(attributes))
    if (!key.startsWith(PREFIX)) kept[key] = attribute;
  return { ...value, attributes: kept };
}

/**
 * The mapping's accumulators with `openai.*` attributes stripped from what they finish with. Whether the inner
 * accumulator may hide chunks is passed on: without it, core would follow every stream of an OpenAI-compatible
 * server through the slower path that can hide chunks.
 */
export function withStrippedFinish(
  create: MethodMapping["createAccumulator"],
): MethodMapping["createAccumulator"] {
  if (!create) return undefined;
  return (injectedUsage, params, keepContent) => {
    const accumulator = create(injectedUsage, params, keepContent);
    return {
      add: (chunk) => accumulator.add(chunk),
      finish: () => stripOpenAIAttributes(accumulator.finish()),
      mayHideChunks: accumulator.mayHideChunks,
    };
  };
}
