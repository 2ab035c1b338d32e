const REGION_PREFIX = /^(?:us|eu|apac|au|jp|ca|us-gov)\./;

/**
 * The model id inside a Bedrock `modelId`: a foundation model id as is, a system inference profile id
 * (`us.anthropic.…`, `global.…`) as is (the price catalog reads the region prefix), and the id at the end of a
 * foundation-model or inference-profile ARN (`arn:aws:bedrock:us-east-1:123:inference-profile/us.anthropic.…`).
 * An application inference profile ARN names no model: it is returned as is (and is unpriced).
 */
export function resolveBedrockModel(modelId: string | undefined): string | undefined {
  if (modelId === undefined) return undefined;
  const match = /^arn:aws[a-z-]*:bedrock:[^:]*:[^:]*:(foundation-model|inference-profile)\/(.+)$/.exec(
    modelId,
  );
  return match?.[2] ?? modelId;
}

/** The model id without its cross-region prefix (`us.anthropic.claude-…` → `anthropic.claude-…`). */
export function stripRegionPrefix(modelId: string): string {
  return modelId.replace(REGION_PREFIX, "");
}
