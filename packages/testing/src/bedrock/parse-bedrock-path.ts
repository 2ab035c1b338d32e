/** The operations of the Bedrock runtime's model paths. */
export type BedrockOperation = "converse" | "converse-stream" | "invoke" | "invoke-with-response-stream";

const OPERATIONS = new Set<string>(["converse", "converse-stream", "invoke", "invoke-with-response-stream"]);

/**
 * Reads `/model/{modelId}/{operation}`: the model id is one URL-encoded segment (an inference profile ARN's
 * slashes arrive as `%2F`).
 */
export function parseBedrockPath(path: string): { model: string; operation: BedrockOperation } | undefined {
  const match = /^\/model\/([^/]+)\/([a-z-]+)$/.exec(path);
  if (!match?.[1] || !match[2] || !OPERATIONS.has(match[2])) return undefined;
  let model: string;
  try {
    model = decodeURIComponent(match[1]);
  } catch {
    return undefined;
  }
  return { model, operation: match[2] as BedrockOperation };
}
