import { getDefaultPriceRegistry } from "./get-default-price-registry.js";
import type { ResolvedModel, ResolveModelInput } from "./types.js";

/**
 * Resolves a real model string (dated snapshot, provider prefix, Bedrock or Vertex id, `-latest` alias, fine-tune,
 * OpenRouter `vendor/model`, Azure deployment or Bedrock ARN mapped in the registry) to the catalog entry that
 * prices it, and says how it matched; `undefined` when unknown, never a guess at a lower price. With `region`,
 * `<region>/<model>` is tried first. The rules, in order, are documented on `createModelResolver` and in
 * `docs/cost.md` ("How model names resolve"); `explainModelResolution` shows them for one string.
 *
 * @example
 * resolveModel({ provider: "aws.bedrock", model: "us.anthropic.claude-sonnet-4-20250514-v1:0" });
 * // → { entry: { id: "anthropic.claude-sonnet-4-20250514-v1:0", ... }, match: "normalized" }
 */
export function resolveModel(input: ResolveModelInput): ResolvedModel | undefined {
  return getDefaultPriceRegistry().resolveModel(input);
}
