import {
  type AccumulatorSettings,
  checkClient,
  createInstrumentation,
  type GenAIRequest,
  type GenAIResponse,
  type NativeTelemetryState,
  observeMethod,
  observePromise,
  silenceNativeTelemetry,
} from "@sightline/core/provider";
import { mapChatRequest } from "./chat/map-chat-request.js";
import { createCompletionStreamAccumulator } from "./create-completion-stream-accumulator.js";
import { detectMistralTarget } from "./detect-mistral-target.js";
import { mapEmbeddingsRequest, mapEmbeddingsResponse } from "./embeddings/map-embeddings.js";
import { mapFimRequest } from "./fim/map-fim-request.js";
import { followEventStream } from "./follow-event-stream.js";
import { mapCompletionResponse } from "./map-completion-response.js";
import { mistralNativeTelemetrySwitch } from "./mistral-native-telemetry-switch.js";
import type { ObserveMistralOptions } from "./types.js";
import { PACKAGE_NAME, PACKAGE_VERSION } from "./version.js";

/** The shape of a `@mistralai/mistralai` 2.x client that Sightline relies on. */
export interface MistralClientLike {
  /** The client's server URL (`serverURL` option, or the default `https://api.mistral.ai`). */
  _baseURL?: URL | string | null;
  /** `chat.complete` and `chat.stream` are observed. */
  chat?: object;
  /** `fim.complete` and `fim.stream` are observed. */
  fim?: object;
  /** `agents.complete` and `agents.stream` are observed (as `chat`, with `gen_ai.agent.id`). */
  agents?: object;
  /** `embeddings.create` is observed. */
  embeddings?: object;
}

/** How one observed method returns: a promise of a response, or a promise of an `EventStream`. */
interface MistralMethod {
  path: string;
  mapRequest: (params: unknown) => GenAIRequest;
  mapResponse?: (response: unknown) => GenAIResponse;
}

/** The methods observed and how each maps: this table is the Mistral-specific part. */
const METHODS: readonly MistralMethod[] = [
  {
    path: "chat.complete",
    mapRequest: (params) => mapChatRequest(params, false),
    mapResponse: mapCompletionResponse,
  },
  { path: "chat.stream", mapRequest: (params) => mapChatRequest(params, true) },
  {
    path: "fim.complete",
    mapRequest: (params) => mapFimRequest(params, false),
    mapResponse: mapCompletionResponse,
  },
  { path: "fim.stream", mapRequest: (params) => mapFimRequest(params, true) },
  {
    path: "agents.complete",
    mapRequest: (params) => mapChatRequest(params, false),
    mapResponse: mapCompletionResponse,
  },
  { path: "agents.stream", mapRequest: (params) => mapChatRequest(params, true) },
  { path: "embeddings.create", mapRequest: mapEmbeddingsRequest, mapResponse: mapEmbeddingsResponse },
];

const NATIVE_STATE = Symbol.for("sightline.mistral.nativeTelemetry");

/**
 * Makes every model call of a `@mistralai/mistralai` 2.x client a GenAI span with metrics, cost and
 * drift: `chat.complete`, `chat.stream` (not `chat.parse` / `chat.parseStream`, which send the same
 * request without going through them), `agents.complete` / `agents.stream` (`chat` with
 * `gen_ai.agent.id`), `fim.complete` / `fim.stream` (`text_completion`) and `embeddings.create`. The SDK's own spans are switched off for this client (see `nativeSpans`), so
 * each call has one span. Returns the same client; wrapping twice is harmless.
 * @example
 * import { Mistral } from "@mistralai/mistralai";
 * const mistral = observeMistral(new Mistral({ apiKey: process.env.MISTRAL_API_KEY }));
 */
export function observeMistral<Client extends MistralClientLike>(
  client: Client,
  options: ObserveMistralOptions = {},
): Client {
  if (
    !checkClient({
      client,
      wrapper: "observeMistral",
      expected: "a Mistral client (new Mistral())",
      methods: METHODS.map((method) => method.path),
    })
  )
    return client;
  const instrumentation = createInstrumentation({
    scopeName: PACKAGE_NAME,
    scopeVersion: PACKAGE_VERSION,
    options,
  });
  const target = detectMistralTarget({ baseURL: client._baseURL, providerName: options.providerName });
  const settings: AccumulatorSettings = {
    captureContent: instrumentation.config.keepContent,
    maxContentLength: instrumentation.config.contentMaxBytes,
  };
  for (const method of METHODS) {
    const segments = method.path.split(".");
    const name = segments.pop() ?? "";
    const owner = (client as Record<string, unknown>)[segments[0] ?? ""];
    const { mapResponse } = method;
    observeMethod({
      instrumentation,
      owner: typeof owner === "object" && owner !== null ? owner : undefined,
      name,
      target,
      describe: (args) => ({
        request: method.mapRequest(args[0]),
        observe: (result, operation) => {
          if (mapResponse) {
            observePromise(result as PromiseLike<unknown>, {
              operation,
              onValue: (value) => operation.succeed(mapResponse(value)),
            });
          } else {
            followEventStream({
              instrumentation,
              result,
              operation,
              createAccumulator: () => createCompletionStreamAccumulator(settings),
              signal: readSignal(args[1]),
            });
          }
          return undefined;
        },
      }),
    });
  }
  const record = client as unknown as Record<string | symbol, unknown>;
  // Settled once per client: a second wrap must not turn the native spans back on or off.
  if (typeof client === "object" && client !== null && record[NATIVE_STATE] === undefined) {
    const state = silenceNativeTelemetry({
      client: client as object,
      nativeSwitch: mistralNativeTelemetrySwitch,
      mode: options.nativeSpans,
    });
    Object.defineProperty(client, NATIVE_STATE, { value: state, configurable: true });
  }
  return client;
}

/** What `observeMistral` did about the SDK's own spans on this client, or `undefined` if never wrapped. */
export function getMistralNativeTelemetryState(client: object): NativeTelemetryState | undefined {
  return (client as Record<symbol, NativeTelemetryState | undefined>)[NATIVE_STATE];
}

/** The abort signal of a call's request options (`{ fetchOptions: { signal } }`). */
function readSignal(options: unknown): AbortSignal | undefined {
  const fetchOptions = (options as { fetchOptions?: { signal?: unknown } } | undefined)?.fetchOptions;
  const signal = fetchOptions?.signal;
  return signal instanceof AbortSignal ? signal : undefined;
}
