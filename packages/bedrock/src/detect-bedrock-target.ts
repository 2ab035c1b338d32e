import { asFields, asNumber, asString, type GenAITarget } from "@sightline/core/provider";

/** `gen_ai.provider.name` of this provider: the semconv value. */
export const BEDROCK_PROVIDER_NAME = "aws.bedrock";

/**
 * Works out the provider and server of a Bedrock runtime client from its resolved configuration: a custom
 * endpoint (`config.isCustomEndpoint`) gives its host and port; otherwise the region gives
 * `bedrock-runtime.REGION.amazonaws.com`. The region is kept either way (`target.region`) for regional prices. The AWS SDK keeps both behind async providers, so this resolves
 * once per client; a provider that fails leaves the server unknown. The user's `providerName` wins.
 */
export async function detectBedrockTarget(options: {
  client: unknown;
  providerName?: string;
}): Promise<GenAITarget> {
  const target: GenAITarget = { provider: options.providerName ?? BEDROCK_PROVIDER_NAME };
  const config = asFields(asFields(options.client).config);
  try {
    // The signing region is where the call is served and billed, custom endpoint or not: regional prices use it.
    const region = await readRegion(config.region);
    if (region) target.region = region;
    if (config.isCustomEndpoint === true && config.endpoint !== undefined) {
      const endpoint = asFields(await readValue(config.endpoint));
      const hostname = asString(endpoint.hostname);
      if (hostname) {
        target.serverAddress = hostname.replace(/^\[(.*)\]$/, "$1");
        const port = asNumber(endpoint.port) ?? Number(endpoint.port);
        target.serverPort = Number.isFinite(port) && port > 0 ? port : undefined;
        return target;
      }
    }
    if (region) target.serverAddress = `bedrock-runtime.${region}.amazonaws.com`;
  } catch {
    // An unresolvable region or endpoint leaves the server unknown; the call fails on its own.
  }
  return target;
}

async function readRegion(value: unknown): Promise<string | undefined> {
  try {
    return asString(await readValue(value));
  } catch {
    return undefined;
  }
}

function readValue(value: unknown): unknown {
  return typeof value === "function" ? (value as () => unknown)() : value;
}
