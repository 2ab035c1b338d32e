import { isKnownProviderName } from "./normalize-provider.js";

const PATH_PREFIXES = new Set(["models", "publishers"]);
const BEDROCK_REGION = /^(?:us|eu|apac|au|jp|ca|us-gov|global)\./;
const BEDROCK_LIKE = /^(?:(?:us|eu|apac|au|jp|ca|us-gov|global)\.)?anthropic\./;
const BEDROCK_VERSION = /-v\d+(?::\d+)?$/;
const CLAUDE_DOTTED_VERSION = /^(claude-(?:[a-z]+-)?\d+)\.(\d+)/;
/**
 * A price region in front of a catalog id: an AWS region (`us-east-1/anthropic.claude-instant-v1`) or an Azure
 * data zone (`us/gpt-4o`, `eu/gpt-4o`, `global/gpt-4o`).
 */
const REGION_SEGMENT = /^([a-z]{2}(?:-gov)?-[a-z]+-\d+|us|eu|global)\/(.+)$/;
/** Fireworks' own serverless models; `accounts/<yours>/models/…` are your deployments, priced apart. */
const FIREWORKS_ACCOUNT = /(?:^|\/)accounts\/([^/]+)\/models\//;

/** Whether a model string looks like a Bedrock model id (`anthropic.…`, `us.anthropic.…`). */
export function looksLikeBedrockId(model: string): boolean {
  return BEDROCK_LIKE.test(model.trim().toLowerCase());
}

/**
 * Reduces a model string to the form catalog ids are indexed under: lower case, no provider or path prefix,
 * Bedrock cross-region prefix (except `global.` and `us-gov.`, priced apart), vendor and `-v1:0` suffix removed,
 * Vertex `@date` turned into `-date`, and `claude-3.5-…` spelled `claude-3-5-…`. A leading price region (`us-east-1/…`, `us/…`) is kept and the rest
 * normalised, so regional prices never mix with the plain ones. A Fireworks path keeps its account unless it is
 * `accounts/fireworks/models/`, so a deployment of your own is not priced as Fireworks' serverless model.
 */
export function normalizeModelName(provider: string | undefined, model: string): string {
  let name = model.trim().toLowerCase();
  const regional = REGION_SEGMENT.exec(name);
  if (regional) {
    // Inside a GovCloud region the `us-gov.` profile is just that region's price.
    const region = regional[1] ?? "";
    const inner = normalizeModelName(provider, regional[2] ?? "");
    return `${region}/${region.startsWith("us-gov-") ? inner.replace(/^us-gov\./, "") : inner}`;
  }
  // ARNs and Vertex resource paths end with the model id.
  const modelsIndex = name.lastIndexOf("/models/");
  if (modelsIndex >= 0) {
    const account = FIREWORKS_ACCOUNT.exec(name)?.[1];
    if (account === undefined || account === "fireworks") name = name.slice(modelsIndex + "/models/".length);
  }
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
  // Global endpoints are priced apart from regional ones (no regional premium), and GovCloud regions above the
  // commercial ones, so keep those two prefixes: neither may be priced as a commercial regional id.
  return region === "global." || region === "us-gov." ? `${region}${name}` : name;
}
