import {
  checkClient,
  createInstrumentation,
  observeMethod,
  observeStainlessResult,
} from "@sightline/core/provider";
import { createChatStreamAccumulator } from "./chat/create-chat-stream-accumulator.js";
import { mapChatRequest } from "./chat/map-chat-request.js";
import { mapChatResponse } from "./chat/map-chat-response.js";
import { createAzurePricingModel } from "./create-azure-pricing-model.js";
import { createEndpointMappings, type OpenAIEndpointsLike } from "./create-endpoint-mappings.js";
import { detectOpenAITarget } from "./detect-openai-target.js";
import { mapEmbeddingsRequest } from "./embeddings/map-embeddings-request.js";
import { mapEmbeddingsResponse } from "./embeddings/map-embeddings-response.js";
import type { MethodMapping } from "./method-mapping.js";
import { createResponsesStreamAccumulator } from "./responses/create-responses-stream-accumulator.js";
import { mapResponsesRequest } from "./responses/map-responses-request.js";
import { mapResponsesResponse } from "./responses/map-responses-response.js";
import {
  keepsOpenAIAttributes,
  stripOpenAIAttributes,
  withStrippedFinish,
} from "./strip-openai-attributes.js";
import type { ObserveOpenAIOptions } from "./types.js";
import { PACKAGE_NAME, PACKAGE_VERSION } from "./version.js";

/** The shape of an `openai` client that Sightline relies on (openai 5.x–7.x). */
export interface OpenAIClientLike extends OpenAIEndpointsLike {
  baseURL?: string;
  /** Set on `AzureOpenAI` clients only. */
  apiVersion?: string;
  /** The `deployment` an `AzureOpenAI` client was created for, if any. */
  deploymentName?: string;
  chat?: { completions?: object };
  responses?: object;
  embeddings?: object;
}

/**
 * Makes every call of an `openai` client a GenAI span with metrics: `chat.completions.create`
 * (and through it `parse()` and `stream()`), `responses.create` (and `stream()`/`parse()`),
 * `embeddings.create`, legacy `completions.create`, `images.generate`/`edit`, `audio.transcriptions`,
 * `audio.translations`, `audio.speech` and `moderations.create`. Returns the same client object,
 * used exactly as before; wrapping twice is harmless. Works for `AzureOpenAI` and OpenAI-compatible hosts (provider name from the base URL).
 * @example
 * import OpenAI from "openai";
 * const openai = observeOpenAI(new OpenAI());
 */
export function observeOpenAI<Client extends OpenAIClientLike>(
  client: Client,
  options: ObserveOpenAIOptions = {},
): Client {
  // Anything else is returned unchanged, with one warning through diag.
  if (
    !checkClient({
      client,
      wrapper: "observeOpenAI",
      expected: "an OpenAI client (new OpenAI() or new AzureOpenAI())",
      methods: ["chat.completions.create", "responses.create", "embeddings.create"],
    })
  )
    return client;
  const instrumentation = createInstrumentation({
    scopeName: PACKAGE_NAME,
    scopeVersion: PACKAGE_VERSION,
    options,
  });
  const target = detectOpenAITarget({
    baseURL: client.baseURL,
    isAzureClient: client.constructor?.name === "AzureOpenAI" || typeof client.apiVersion === "string",
    providerName: options.providerName,
  });
  const pricingModelOf = createAzurePricingModel({
    provider: target.provider,
    deployments: options.azureDeployments,
    clientDeployment: client.deploymentName,
  });
  const injectUsage = options.streamUsage === "inject";

  const mappings: MethodMapping[] = [
    {
      owner: client.chat?.completions,
      mapRequest: mapChatRequest,
      mapResponse: mapChatResponse,
      prepareParams: (params) => prepareChatParams(params, injectUsage),
      createAccumulator: (injectedUsage, _, keepContent) =>
        createChatStreamAccumulator({
          captureContent: keepContent,
          hideUsageChunk: injectedUsage,
          maxContentLength: instrumentation.config.contentMaxBytes,
        }),
    },
    {
      owner: client.responses,
      mapRequest: mapResponsesRequest,
      mapResponse: mapResponsesResponse,
      createAccumulator: () => createResponsesStreamAccumulator(),
    },
    { owner: client.embeddings, mapRequest: mapEmbeddingsRequest, mapResponse: mapEmbeddingsResponse },
    ...createEndpointMappings({
      client,
      maxContentLength: instrumentation.config.contentMaxBytes,
      prepareStreamUsage: (params) => prepareChatParams(params, injectUsage),
    }),
  ];

  const strip = !keepsOpenAIAttributes(target.provider);
  for (const mapping of mappings) {
    const createAccumulator = strip
      ? withStrippedFinish(mapping.createAccumulator)
      : mapping.createAccumulator;
    const mapResponse = strip
      ? (body: unknown, params: unknown) => stripOpenAIAttributes(mapping.mapResponse(body, params))
      : mapping.mapResponse;
    observeMethod({
      instrumentation,
      owner: mapping.owner,
      name: mapping.name ?? "create",
      target,
      describe: (args) => {
        // Only the flag outlives this function: the closures below live as long as the call, and V8 may
        // pretenure the object literal `prepared` comes from (see `ParseState` in core's observe-api-promise.ts).
        const { params: preparedParams, injectedUsage } = mapping.prepareParams?.(args[0]) ?? {
          params: args[0],
          injectedUsage: false,
        };
        const mapped = mapping.mapRequest(args[0]);
        const request = strip ? stripOpenAIAttributes(mapped) : mapped;
        const pricingModel = pricingModelOf(request.model);
        return {
          request: pricingModel ? { ...request, pricingModel } : request,
          args: preparedParams === args[0] ? args : [preparedParams, ...args.slice(1)],
          observe: (result, operation) =>
            observeStainlessResult({
              instrumentation,
              result,
              operation,
              mapResponse: (body) => mapResponse(body, args[0]),
              createAccumulator:
                createAccumulator &&
                (() => createAccumulator(injectedUsage, args[0], operation.keepsContent)),
            }),
        };
      },
    });
  }
  return client;
}

/** Adds `stream_options.include_usage` to a streamed chat (or legacy completions) request that lacks it, when asked to. */
function prepareChatParams(params: unknown, inject: boolean): { params: unknown; injectedUsage: boolean } {
  if (!inject || typeof params !== "object" || params === null) return { params, injectedUsage: false };
  const body = params as { stream?: unknown; stream_options?: { include_usage?: unknown } | null };
  if (body.stream !== true || body.stream_options?.include_usage !== undefined) {
    return { params, injectedUsage: false };
  }
  return {
    params: { ...body, stream_options: { ...(body.stream_options ?? {}), include_usage: true } },
    injectedUsage: true,
  };
}
