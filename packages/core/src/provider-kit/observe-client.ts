import type { SightlineOptions } from "../config/types.js";
import { observeMethod } from "../follow/observe-method.js";
import { observePromise } from "../follow/observe-promise.js";
import { observePromisedStream } from "../follow/observe-promised-stream.js";
import { observeStainlessResult } from "../follow/observe-stainless-result.js";
import { createInstrumentation, type Instrumentation } from "../operation/create-instrumentation.js";
import type { Operation } from "../operation/operation.js";
import type {
  GenAIRequest,
  GenAIResponse,
  GenAITarget,
  StreamAccumulator,
} from "../operation/operation-shapes.js";
import { checkClient } from "./check-client.js";

/** What a stream accumulator is told about the client's content settings. */
export interface AccumulatorSettings {
  captureContent: boolean;
  maxContentLength: number;
}

/**
 * One method of a client to observe, and how its calls map to GenAI operations: the part of a
 * provider package that is about the provider. How the result is followed is chosen by `returns`:
 * - `"promise"`: a promise (or a plain value) of the response;
 * - `"stainless"`: a Stainless `APIPromise` (OpenAI, Anthropic, Mistral's generated clients), whose
 *   value is the response or, with `createAccumulator`, an SSE stream followed in place;
 * - `"promised-stream"`: a promise of an async iterator of chunks, followed by a replacement iterator.
 */
export interface ObservedMethodSpec {
  /** Dotted path from the client to the method, e.g. `"chat.completions.create"`. */
  path: string;
  /** How the method returns; see above. */
  returns: "promise" | "stainless" | "promised-stream";
  /** Maps the call's arguments (the first is usually the params object) to the request. */
  mapRequest: (params: unknown, args: readonly unknown[]) => GenAIRequest;
  /** Maps a non-streamed response. Required for `"promise"` and `"stainless"`. */
  mapResponse?: (response: unknown) => GenAIResponse;
  /** Builds the accumulator of one stream's chunks. Required for `"promised-stream"`. */
  createAccumulator?: (settings: AccumulatorSettings) => StreamAccumulator<unknown>;
}

/** Options of {@link observeClient}. */
export interface ObserveClientOptions<Client> {
  client: Client;
  /** The public wrapper's name, for the warning when `client` is not the expected client. */
  wrapper: string;
  /** What the wrapper expects, in words, e.g. `"a Mistral client (new Mistral())"`. */
  expected: string;
  /** The instrumentation scope: the provider package's name and version. */
  scopeName: string;
  scopeVersion: string;
  /** The user's options. */
  options: SightlineOptions;
  /** Provider and server, worked out once per client (see `readServerAddress`). */
  target: GenAITarget | ((client: Client) => GenAITarget);
  methods: readonly ObservedMethodSpec[];
}

/**
 * Observes every listed method of one client instance through one engine: checks that the value
 * is the expected client (anything else is returned unchanged, with one warning), creates the
 * instrumentation, works out the target, and wraps each method so each call is one GenAI span with
 * metrics, cost and drift. A provider package is this call plus its mappers. Returns the same
 * client; wrapping twice records each call once.
 * @example
 * return observeClient({
 *   client, wrapper: "observeDemo", expected: "a Demo client", scopeName: PACKAGE_NAME,
 *   scopeVersion: PACKAGE_VERSION, options, target: { provider: "demo" },
 *   methods: [{ path: "chat.create", returns: "promise", mapRequest: mapChatRequest, mapResponse: mapChatResponse }],
 * });
 */
export function observeClient<Client>(spec: ObserveClientOptions<Client>): Client {
  const { client } = spec;
  const methods = spec.methods.map((method) => method.path);
  if (!checkClient({ client, wrapper: spec.wrapper, expected: spec.expected, methods })) return client;
  const instrumentation = createInstrumentation({
    scopeName: spec.scopeName,
    scopeVersion: spec.scopeVersion,
    options: spec.options,
  });
  const target = typeof spec.target === "function" ? spec.target(client) : spec.target;
  for (const method of spec.methods) {
    const segments = method.path.split(".");
    const name = segments.pop() ?? "";
    observeMethod({
      instrumentation,
      owner: readOwner(client, segments),
      name,
      target,
      describe: (args) => ({
        request: method.mapRequest(args[0], args),
        observe: (result, operation) => followResult({ instrumentation, method, result, operation }),
      }),
    });
  }
  return client;
}

function followResult(options: {
  instrumentation: Instrumentation;
  method: ObservedMethodSpec;
  result: unknown;
  operation: Operation;
}): unknown {
  const { instrumentation, method, result, operation } = options;
  const settings: AccumulatorSettings = {
    // Per call: a call sampled for evaluation keeps its text even with content capture off.
    captureContent: operation.keepsContent,
    maxContentLength: instrumentation.config.contentMaxBytes,
  };
  const makeAccumulator = method.createAccumulator;
  const createAccumulator = makeAccumulator ? () => makeAccumulator(settings) : undefined;
  const mapResponse = method.mapResponse ?? (() => ({}));
  switch (method.returns) {
    case "stainless":
      observeStainlessResult({ instrumentation, result, operation, mapResponse, createAccumulator });
      return undefined;
    case "promised-stream":
      return observePromisedStream({
        instrumentation,
        result,
        operation,
        // Without an accumulator the stream is still timed and counted; its response stays empty.
        createAccumulator: createAccumulator ?? (() => ({ add: () => 0, finish: () => ({}) })),
      });
    default: {
      const onValue = (value: unknown) => operation.succeed(mapResponse(value));
      if (typeof (result as PromiseLike<unknown> | undefined)?.then === "function") {
        observePromise(result as PromiseLike<unknown>, { operation, onValue });
      } else {
        onValue(result);
      }
      return undefined;
    }
  }
}

/** The object that owns the method at `segments` below `client`, or undefined when a segment is missing. */
function readOwner(client: unknown, segments: readonly string[]): object | undefined {
  let owner: unknown = client;
  for (const segment of segments) {
    if (typeof owner !== "object" || owner === null) return undefined;
    owner = (owner as Record<string, unknown>)[segment];
  }
  return typeof owner === "object" && owner !== null ? owner : undefined;
}
