import { BedrockRuntimeClient } from "@aws-sdk/client-bedrock-runtime";
import type { MockLLMServer } from "@sightline/testing";
import { NodeHttpHandler } from "@smithy/node-http-handler";

/**
 * A real Bedrock runtime client against the mock server: dummy credentials, no retries, HTTP/1.1 (the client's
 * default handler speaks HTTP/2, which the mock does not), nothing leaves the host.
 */
export function createBedrockTestClient(server: MockLLMServer): BedrockRuntimeClient {
  return new BedrockRuntimeClient({
    region: "us-east-1",
    endpoint: server.url,
    credentials: { accessKeyId: "AKIDMOCK", secretAccessKey: "mock-secret" },
    maxAttempts: 1,
    requestHandler: new NodeHttpHandler(),
  });
}
