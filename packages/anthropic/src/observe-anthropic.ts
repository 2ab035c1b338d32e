import {
  checkClient,
  createInstrumentation,
  type GenAIRequest,
  type GenAIResponse,
  type NativeTelemetryState,
  observeMethod,
  observeStainlessResult,
  type StreamAccumulator,
  silenceNativeTelemetry,
} from "@sightline/core/provider";
import { anthropicNativeTelemetrySwitch } from "./anthropic-native-telemetry-switch.js";
import { mapCountTokensRequest } from "./count-tokens/map-count-tokens-request.js";
import { mapCountTokensResponse } from "./count-tokens/map-count-tokens-response.js";
import { detectAnthropicTarget } from "./detect-anthropic-target.js";
import { createMessagesStreamAccumulator } from "./messages/create-messages-stream-accumulator.js";
import { mapMessagesRequest } from "./messages/map-messages-request.js";
import { mapMessagesResponse } from "./messages/map-messages-response.js";
import type { ObserveAnthropicOptions } from "./types.js";
import { PACKAGE_NAME, PACKAGE_VERSION } from "./version.js";

/** The shape of an `@anthropic-ai/sdk` client (or its Bedrock / Vertex flavour) that Sightline relies on. */
export interface AnthropicClientLike {
  /** The client's base URL, for `server.address` / `server.port` and the provider name. */
  baseURL?: string;
  /** `client.messages`: `create` and `countTokens` are wrapped. */
  messages?: object;
  /** `client.beta`: its `messages.create` and `countTokens` are wrapped too. */
  beta?: { messages?: object };
}

/** One wrapped method: how to map its request, its response and (if it streams) its events. */
interface MethodMapping {
  owner: object | undefined;
  name: string;
  mapRequest: (params: unknown) => GenAIRequest;
  mapResponse: (body: unknown) => GenAIResponse;
  createAccumulator?: () => StreamAccumulator<unknown>;
}

const NATIVE_STATE = Symbol.for("sightline.anthropic.nativeTelemetry");

/**
 * Makes every Messages call of an `@anthropic-ai/sdk` client (0.x or 1.x, or its Bedrock / Vertex
 * flavour) a GenAI span with metrics: `messages.create` (plain and `stream: true`, and through it
 * `messages.stream()` and `parse()`), the same on `beta.messages`, and `messages.countTokens` as
 * its own `count_tokens` span. The 1.x SDK's own spans are switched off for this client (see
 * `nativeSpans`), so each call has one span. Returns the same client object; wrapping twice is
 * harmless.
 * @example
 * import Anthropic from "@anthropic-ai/sdk";
 * const anthropic = observeAnthropic(new Anthropic());
 */
export function observeAnthropic<Client extends AnthropicClientLike>(
  client: Client,
  options: ObserveAnthropicOptions = {},
): Client {
  // Anything else is returned unchanged, with one warning through diag.
  if (
    !checkClient({
      client,
      wrapper: "observeAnthropic",
      expected: "an Anthropic client (new Anthropic())",
      methods: ["messages.create", "beta.messages.create"],
    })
  )
    return client;
  const instrumentation = createInstrumentation({
    scopeName: PACKAGE_NAME,
    scopeVersion: PACKAGE_VERSION,
    options,
  });
  const record = client as unknown as Record<string | symbol, unknown>;
  // Settled once per client: a second wrap must not turn the native spans back on or off.
  if (record[NATIVE_STATE] === undefined) {
    const state: NativeTelemetryState = silenceNativeTelemetry({
      client: client as object,
      nativeSwitch: anthropicNativeTelemetrySwitch,
      mode: options.nativeSpans,
    });
    Object.defineProperty(client, NATIVE_STATE, { value: state, configurable: true });
  }
  const target = detectAnthropicTarget({
    baseURL: client.baseURL,
    className: client.constructor?.name,
    selfReportedProvider: record._genAIProviderName,
    providerName: options.providerName,
  });
  // Content is mapped when captured or when online evaluation may need it; the span records it only when captured.
  const captureContent = instrumentation.config.keepContent;
  const mappings: MethodMapping[] = [];
  for (const messages of [client.messages, client.beta?.messages]) {
    mappings.push(
      {
        owner: messages,
        name: "create",
        mapRequest: mapMessagesRequest,
        mapResponse: mapMessagesResponse,
        createAccumulator: () =>
          createMessagesStreamAccumulator({
            captureContent,
            maxContentLength: instrumentation.config.contentMaxBytes,
          }),
      },
      {
        owner: messages,
        name: "countTokens",
        mapRequest: mapCountTokensRequest,
        mapResponse: mapCountTokensResponse,
      },
    );
  }
  for (const mapping of mappings) {
    observeMethod({
      instrumentation,
      owner: mapping.owner,
      name: mapping.name,
      target,
      describe: (args) => ({
        request: mapping.mapRequest(args[0]),
        observe: (result, operation) =>
          observeStainlessResult({
            instrumentation,
            result,
            operation,
            mapResponse: mapping.mapResponse,
            createAccumulator: mapping.createAccumulator,
          }),
      }),
    });
  }
  return client;
}

/** What `observeAnthropic` did about the SDK's own spans on this client, or `undefined` if not wrapped. */
export function getAnthropicNativeTelemetryState(client: object): NativeTelemetryState | undefined {
  return (client as Record<symbol, NativeTelemetryState | undefined>)[NATIVE_STATE];
}
