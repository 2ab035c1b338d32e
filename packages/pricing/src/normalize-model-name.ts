import { isKnownProviderName } from "./normalize-provider.js";

const PATH_PREFIXES = new Set(["models", "publishers"]);
const BEDROCK_REGION = /^(?:us|eu|apac|au|jp|ca|us-gov|global)\./;
const BEDROCK_LIKE = /^(?:(?:us|eu|apac|au|jp|ca|us-gov|global)\.)?anthropic\./;
const BEDROCK_VERSION = /-v\d+(?::\d+)?$/;
const CLAUDE_DOTTED_VERSION = /^(claude-(?:[a-z]+-)?\d+)\.(\d+)/;

/** Whether a model string looks like a Bedrock model id (`anthropic.…`, `us.anthropic.…`). */
export function looksLikeBedrockId(model: string): boolean {
  return BEDROCK_LIKE.test(model.trim().toLowerCase());
}

/**
 * Reduces a model string to the form catalog ids are indexed under: lower case, no provider or path prefix,
 * Bedrock region prefix (except `global.`), vendor and `-v1:0` suffix removed, Vertex `@date` turned into `-date`,
 * and `claude-3.5-…` spelled `claude-3-5-…`.
 */
export function normalizeModelName(provider: string | undefined, model: string): string {
  let name = model.trim().toLowerCase();
  // ARNs and Vertex resource paths end with the model id.
  const arnIndex = name.lastIndexOf("/models/");
  if (arnIndex >= 0) name = name.slice(arnIndex + "/models/".length);
  if (name.startsWith("arn:")) name = name.slice(name.lastIndexOf("/") + 1);
  name = stripPrefixes(name);
  name = name.replace("@", "-");
  if (provider === "aws.bedrock" || BEDROCK_LIKE.test(name)) {
    name = normalizeBedrockId(name);
  }
  return name.replace(CLAUDE_DOTTED_VERSION, "$1-$2");
}

function stripPrefixes(model: string): string {
  let name = model;
  for (;;) {
    const slash = name.indexOf("/");
    if (slash < 0) return name;
    const head = name.slice(0, slash);
    if (!isKnownProviderName(head) && !PATH_PREFIXES.has(head)) return name;
    name = name.slice(slash + 1);
  }
}

function normalizeBedrockId(model: string): string {
  const region = BEDROCK_REGION.exec(model)?.[0];
  let name = region ? model.slice(region.length) : model;
  name = name.replace(BEDROCK_VERSION, "");
  if (name.startsWith("anthropic.")) name = name.slice("anthropic.".length);
  // Global endpoints are priced apart from regional ones (no regional premium), so keep that distinction.
  return region === "global." ? `global.${name}` : name;
}
