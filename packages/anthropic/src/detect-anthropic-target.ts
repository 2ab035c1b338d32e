import { type GenAITarget, readServerAddress } from "@sightline/core/provider";

/** Client classes of the platform flavours of the SDK and the provider each one serves. */
const CLASS_PROVIDERS: Record<string, string> = {
  AnthropicBedrock: "aws.bedrock",
  AnthropicBedrockMantle: "aws.bedrock",
  AnthropicVertex: "gcp.vertex_ai",
  AnthropicFoundry: "azure.ai.inference",
};

/** Hosts of the platforms that serve Claude and the provider name of each. */
const HOST_PROVIDERS: [suffix: string, provider: string][] = [
  ["amazonaws.com", "aws.bedrock"],
  ["aiplatform.googleapis.com", "gcp.vertex_ai"],
  [".services.ai.azure.com", "azure.ai.inference"],
];

/**
 * Works out the provider and server of a client: the user's override, then the client class
 * (`AnthropicBedrock`, `AnthropicVertex`), then what the 1.x client says of itself
 * (`_genAIProviderName`), then the base URL's host; `anthropic` otherwise.
 */
export function detectAnthropicTarget(options: {
  baseURL: unknown;
  className: string | undefined;
  selfReportedProvider: unknown;
  providerName?: string;
}): GenAITarget {
  const { serverAddress, serverPort, host } = readServerAddress(options.baseURL);
  const provider =
    options.providerName ??
    (options.className ? CLASS_PROVIDERS[options.className] : undefined) ??
    (typeof options.selfReportedProvider === "string" && options.selfReportedProvider !== "anthropic"
      ? options.selfReportedProvider
      : undefined) ??
    (host ? HOST_PROVIDERS.find(([suffix]) => host === suffix || host.endsWith(suffix))?.[1] : undefined) ??
    "anthropic";
  return { provider, serverAddress, serverPort };
}
