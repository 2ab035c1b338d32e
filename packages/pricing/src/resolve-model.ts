import { getDefaultPriceRegistry } from "./get-default-price-registry.js";
import type { ResolvedModel, ResolveModelInput } from "./types.js";

/**
 * Resolves a real model string (dated snapshot, provider prefix, Bedrock or Vertex id, `-latest` alias) to the
 * catalog entry that prices it, and says how it matched; `undefined` when unknown.
 *
 * @example
 * resolveModel({ provider: "aws.bedrock", model: "us.anthropic.claude-sonnet-4-20250514-v1:0" });
 * // → { entry: { id: "anthropic.claude-sonnet-4-20250514-v1:0", ... }, match: "normalized" }
 */
export function resolveModel(input: ResolveModelInput): ResolvedModel | undefined {
  return getDefaultPriceRegistry().resolveModel(input);
}
