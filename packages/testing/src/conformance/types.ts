import type { MeterProvider } from "@opentelemetry/sdk-metrics";
import type { TracerProvider } from "@opentelemetry/sdk-trace";
import type { MockLLMServer } from "../types.js";

/** The options the suite passes to {@link ProviderConformanceAdapter.wrap}: a subset every `observeX()` takes. */
export interface ConformanceWrapOptions {
  /** The suite's in-memory tracer provider. */
  tracerProvider: TracerProvider;
  /** The suite's in-memory meter provider. */
  meterProvider: MeterProvider;
  /** Content capture on or off. Default: the provider's default (off unless the OTel GenAI variable says so). */
  captureContent?: boolean;
  /** Byte bound of each captured content attribute. Default: the provider's default. */
  contentMaxBytes?: number;
  /** A redaction hook run on every captured text. Default: none. */
  redactContent?: (text: string) => string;
  /** Milliseconds after which an unread stream's span ends as abandoned. Default: the provider's default. */
  abandonedAfterMs?: number;
  /** Prices calls with this registry (from `@sightline/core`'s `createPriceRegistry()`). Default: the catalog. */
  cost?: { registry: unknown };
  /** Feeds this drift monitor (from `@sightline/core`'s `createDriftMonitor()`). Default: the process-wide one. */
  drift?: { monitor: unknown };
}

/** One call the suite asks the adapter to make. */
export interface ConformanceRequest {
  /** Request model; the suite uses a fresh one per case, so metric points can be told apart. */
  model: string;
  /** The one user message's text. */
  prompt: string;
  /** Aborts the call (the SDK's own abort path: request options or config). Default: none. */
  signal?: AbortSignal;
}

/**
 * The few functions of `@sightline/core` the suite needs. Passed in by the provider package, so the test kit
 * itself never depends on core.
 */
export interface ConformanceCore {
  /** `@sightline/core`'s `withContext`. */
  withContext: <Result>(values: Record<string, string>, run: () => Result) => Result;
  /** `@sightline/core`'s `createPriceRegistry`. */
  createPriceRegistry: () => {
    registerModelPrice(entry: {
      provider: string;
      model: string;
      prices: { input: string; output: string };
    }): void;
  };
  /** `@sightline/core`'s `createDriftMonitor`. */
  createDriftMonitor: (options: {
    referenceSize: number;
    windowSize: number;
    minimumWindowCount: number;
  }) => unknown;
}

/**
 * What a provider package tells the conformance suite about its client: how to build a real SDK client against
 * the mock LLM server, how to wrap it, and how to make a plain, a streamed and an erroring call.
 * `Client` is the SDK client, `Result` a plain call's result, `Stream` what a streamed call resolves to and
 * `Chunk` one item the stream yields.
 */
export interface ProviderConformanceAdapter<Client, Result, Stream extends AsyncIterable<Chunk>, Chunk> {
  /** Label for the describe block, e.g. `"openai 7 chat.completions"`. */
  name: string;
  /** Expected `gen_ai.provider.name`, e.g. `"openai"`. */
  providerName: string;
  /** Expected `gen_ai.operation.name` of the plain and streamed calls, e.g. `"chat"`. */
  operationName: string;
  /** Expected instrumentation scope name, e.g. `"@sightline/openai"`. */
  scopeName: string;
  /** The provider's finish reason for an answer that ended normally, e.g. `"stop"`, `"end_turn"`, `"STOP"`. */
  stopFinishReason: string;
  /** A model the bundled price catalog knows for this provider (the mock answers with it as the response model). */
  pricedModel: string;
  /** The core functions the suite needs. */
  core: ConformanceCore;
  /** A real, unwrapped SDK client pointed at `server` (no retries). */
  createClient: (server: MockLLMServer) => Client;
  /** Wraps a client: the provider's `observeX(client, options)`. */
  wrap: (client: Client, options: ConformanceWrapOptions) => Client;
  /** A plain call; returns the SDK's own promise-like result unchanged. */
  call: (client: Client, request: ConformanceRequest) => PromiseLike<Result>;
  /** A streamed call; returns what the SDK returns (a promise of its stream). */
  stream: (client: Client, request: ConformanceRequest) => PromiseLike<Stream>;
  /** The answer text of a plain call's result. */
  resultText: (result: Result) => string;
  /** The response id of a plain call's result (what `gen_ai.response.id` should hold). */
  responseId: (result: Result) => string;
  /** The answer text one chunk carries (`""` for chunks without text). */
  chunkText: (chunk: Chunk) => string;
  /** Chunks a stream of `chunks` text pieces yields besides the text ones (e.g. start and stop events). */
  extraChunks: number;
  /** Splits a stream in two, when the SDK's stream has `tee()`. */
  tee?: (stream: Stream) => [AsyncIterable<Chunk>, AsyncIterable<Chunk>];
  /** The stream as a byte stream, when the SDK's stream has `toReadableStream()`. */
  toReadableStream?: (stream: Stream) => ReadableStream<Uint8Array>;
  /** Aborts through the stream's own controller, when it has one (`stream.controller.abort()`). */
  abortStream?: (stream: Stream) => void;
  /** A streamed call through the SDK's `withResponse()`, when its promise has one. */
  streamWithResponse?: (
    client: Client,
    request: ConformanceRequest,
  ) => PromiseLike<{ data: AsyncIterable<Chunk>; response: Response }>;
  /** A plain call through the SDK's `asResponse()`, when its promise has one. */
  asResponse?: (client: Client, request: ConformanceRequest) => PromiseLike<Response>;
  /**
   * Cases this client is known to fail, by exact case title, with the reason. They run as `it.fails`: green
   * while the gap is open, red once it is fixed. A title that names no case fails the run. Default: none.
   */
  knownFailures?: Record<string, string>;
}
