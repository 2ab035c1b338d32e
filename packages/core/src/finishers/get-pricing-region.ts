import type { GenAITarget } from "../operation/operation-shapes.js";

/** `bedrock-runtime.us-east-1.amazonaws.com`, `bedrock-runtime-fips.us-gov-west-1.amazonaws.com`. */
const BEDROCK_HOST = /^bedrock-runtime(?:-fips)?\.([a-z]{2}(?:-gov)?-[a-z]+-\d+)\.amazonaws\.com$/i;

/**
 * The region whose prices apply to a call: the one the provider package read from its client, else the region
 * in a Bedrock runtime host name (the only host whose name carries a priced region). `undefined` otherwise, and
 * the pricing package then uses the region-less price.
 */
export function getPricingRegion(target: GenAITarget): string | undefined {
  if (target.region) return target.region.toLowerCase();
  const host = target.serverAddress;
  if (host === undefined) return undefined;
  // A process talks to a handful of hosts: the regular expression runs once per host, not once per call.
  if (hostRegions.has(host)) return hostRegions.get(host);
  const region = BEDROCK_HOST.exec(host)?.[1]?.toLowerCase();
  if (hostRegions.size >= MAX_CACHED_HOSTS) hostRegions.clear();
  hostRegions.set(host, region);
  return region;
}

const MAX_CACHED_HOSTS = 256;
const hostRegions = new Map<string, string | undefined>();
