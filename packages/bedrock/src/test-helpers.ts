import { BedrockRuntimeClient } from "@aws-sdk/client-bedrock-runtime";
import type { MockLLMServer } from "@sightline/testing";
import { type MockLLMContext, useMockLLMContext } from "@sightline/testing/vitest";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import { observeBedrock } from "./observe-bedrock.js";
import type { ObserveBedrockOptions } from "./types.js";

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

/** Bedrock runtime clients pointed at the mock server. */
export interface BedrockClientFactories {
  observed(options?: ObserveBedrockOptions): BedrockRuntimeClient;
  raw(): BedrockRuntimeClient;
}

/** A mock server and in-memory telemetry shared by one test file (reset between tests), with client factories. */
export type BedrockTestContext = MockLLMContext & BedrockClientFactories;

/** Registers the shared mock-server hooks and adds Bedrock client factories to the context. */
export function useBedrockTestContext(): BedrockTestContext {
  const context: BedrockTestContext = useMockLLMContext<BedrockClientFactories>({
    raw: () => createBedrockTestClient(context.server),
    observed: (options: ObserveBedrockOptions = {}) =>
      observeBedrock(context.raw(), {
        tracerProvider: context.telemetry.tracerProvider,
        meterProvider: context.telemetry.meterProvider,
        ...options,
      }),
  });
  return context;
}

export { settle, waitForSpans } from "@sightline/testing/vitest";
