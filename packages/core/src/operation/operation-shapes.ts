import type { Attributes } from "@opentelemetry/api";

/**
 * The neutral shapes a provider package maps its client's requests, responses and stream
 * chunks into. Core turns them into spans, metrics and content attributes, once for all providers.
 */

/** A message part in the semconv v1.41 "parts" shape. */
export type MessagePart =
  | { type: "text"; content: string }
  | { type: "tool_call"; id?: string | null; name: string; arguments?: unknown }
  | { type: "tool_call_response"; id?: string | null; response: unknown }
  | { type: "reasoning"; content: string }
  | { type: "uri"; modality: string; mime_type?: string | null; uri: string }
  | { type: "blob"; modality: string; mime_type?: string | null; content: string }
  | { type: "file"; modality: string; mime_type?: string | null; file_id: string }
  | { type: string; [key: string]: unknown };

/** One input message (semconv `gen_ai.input.messages` item). */
export interface InputMessage {
  role: string;
  parts: MessagePart[];
  name?: string | null;
}

/** One output message, one per choice or candidate (semconv `gen_ai.output.messages` item). */
export interface OutputMessage extends InputMessage {
  finish_reason: string;
}

/** One tool definition (semconv `gen_ai.tool.definitions` item). */
export interface ToolDefinition {
  type: string;
  name: string;
  description?: string | null;
  parameters?: unknown;
  [key: string]: unknown;
}

/** Content of a request, built only when content capture is on. */
export interface RequestContent {
  systemInstructions?: MessagePart[];
  inputMessages?: InputMessage[];
  toolDefinitions?: ToolDefinition[];
}

/** Token usage in semconv terms: input includes cached tokens, output includes reasoning tokens. */
export interface GenAIUsage {
  inputTokens?: number;
  outputTokens?: number;
  cacheReadInputTokens?: number;
  /** Cache writes of every lifetime; a subset of input. */
  cacheCreationInputTokens?: number;
  /** The part of `cacheCreationInputTokens` written with a 1 hour lifetime (Anthropic), priced at the 1 h rate. */
  cacheCreation1hInputTokens?: number;
  reasoningOutputTokens?: number;
  /** Uncached audio input tokens; a subset of input (priced at the audio rate, e.g. gpt-4o-transcribe). */
  audioInputTokens?: number;
  /** Audio output tokens; a subset of output (chat with audio output, realtime, Gemini native audio). */
  audioOutputTokens?: number;
  /** Uncached image input tokens; a subset of input (GPT image edits, Gemini image parts). */
  imageInputTokens?: number;
  /** Image output tokens; a subset of output (generated images). */
  imageOutputTokens?: number;
}

/** A quantity billed per unit rather than per token (an image, a second of audio, a character, a tool call). */
export interface GenAIBilledUnits {
  /** The unit, e.g. `image`, `second`, `character`, `web_search_call`. */
  unit: string;
  quantity: number;
  /** Price variant, e.g. `1024x1024/hd` for an image. */
  variant?: string;
}

/** Request parameters with a semconv attribute. */
export interface GenAIRequestParameters {
  maxTokens?: number;
  temperature?: number;
  topP?: number;
  topK?: number;
  frequencyPenalty?: number;
  presencePenalty?: number;
  stopSequences?: string[];
  seed?: number;
  choiceCount?: number;
  encodingFormats?: string[];
  outputType?: string;
}

/** What a provider knows about a request before it is sent. */
export interface GenAIRequest {
  /** `gen_ai.operation.name`, e.g. `chat` or `embeddings`. */
  operation: string;
  /** The model as requested. */
  model?: string;
  /**
   * The model to price the call as, when the wrapper knows it better than the reported names (an Azure
   * deployment the user mapped to its model). Default: the response model, then the requested one.
   */
  pricingModel?: string;
  /** True for streaming calls. */
  stream?: boolean;
  /** Sampling and output parameters. */
  parameters?: GenAIRequestParameters;
  /** Provider-specific attributes set at span start (e.g. `openai.api.type`). */
  attributes?: Attributes;
  /** Builds the captured content; called only when content capture is on. */
  content?: () => RequestContent;
}

/** What a provider knows about a finished response. */
export interface GenAIResponse {
  id?: string;
  model?: string;
  /** Provider-reported finish reasons, one per choice in order. */
  finishReasons?: string[];
  usage?: GenAIUsage;
  /** Embedding vector length, for embeddings. */
  embeddingDimensions?: number;
  /** Non-token quantities the call is billed for (images, audio seconds, characters, built-in tool calls). */
  billedUnits?: GenAIBilledUnits[];
  /** The service tier that served the call, when the provider reports one (prices depend on it). */
  serviceTier?: string;
  /** The backend configuration fingerprint, when the provider reports one (a change is a drift signal). */
  systemFingerprint?: string;
  /**
   * The provider's own refusal or safety outcome, as the provider spells it (`content_filter`, `refusal`,
   * `SAFETY`, `guardrail_intervened`, …), when one of its response fields reports one; unset for an ordinary
   * answer. Read without content capture: it feeds `sightline.response.refusal` and the drift refusal rate.
   */
  refusal?: string;
  /** Provider-specific attributes (e.g. `openai.response.system_fingerprint`). */
  attributes?: Attributes;
  /**
   * An error the stream reported in-band (an error event the SDK yields instead of throwing, as openai 6
   * does on Responses): the stream then ends as an error, with this as `error.type`.
   */
  streamError?: { type: string; message?: string };
  /** Builds the captured output messages; called only when content capture is on. */
  outputMessages?: () => OutputMessage[];
}

/** What a stream accumulator says about one chunk (bit flags, kept numeric for the hot path). */
export const ChunkFlags = {
  /** The chunk carried no output (role marker, usage, keep-alive). */
  None: 0,
  /** The chunk carried output (text, tool call arguments, reasoning). */
  Output: 1,
  /** Hide the chunk from the caller (e.g. a usage chunk the wrapper asked for itself). */
  Hide: 2,
} as const;

/** Folds a stream's chunks into a response, one chunk at a time. */
export interface StreamAccumulator<Chunk> {
  /** Looks at one chunk; returns {@link ChunkFlags}. Must not keep the chunk unless content is captured. */
  add(chunk: Chunk): number;
  /** The response so far; called once when the stream ends for any reason. */
  finish(): GenAIResponse;
  /**
   * Whether `add` may ever return {@link ChunkFlags.Hide}. `false` lets the stream hand each chunk's own
   * promise to the caller and observe it from the side (one promise fewer per chunk). Default: `true`.
   */
  mayHideChunks?: boolean;
}

/** Where the request went, for `server.address` / `server.port` and the provider name. */
export interface GenAITarget {
  /** `gen_ai.provider.name`. */
  provider: string;
  serverAddress?: string;
  serverPort?: number;
  /**
   * Cloud region the client calls (AWS `us-east-1`), for region-specific prices; not emitted. Set it when the
   * server address does not say (a custom endpoint); without it the cost finisher reads a Bedrock host name.
   */
  region?: string;
}

/** What a provider says about an error thrown by its client. */
export interface GenAIErrorInfo {
  /** Low-cardinality `error.type` (class name or provider code). */
  type: string;
  /** HTTP status, when the error came from an HTTP response. */
  statusCode?: number;
}
