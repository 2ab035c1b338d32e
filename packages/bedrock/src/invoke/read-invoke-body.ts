import { asArray, asFields, asNumber, asString, type Fields } from "@sightline/core/provider";

/** What one invoke body (or one stream chunk) says, read across the model families. */
export interface InvokeBodyReading {
  id?: string;
  model?: string;
  text?: string;
  stopReason?: string;
  inputTokens?: number;
  outputTokens?: number;
  cacheReadInputTokens?: number;
  cacheCreationInputTokens?: number;
  /** Anthropic models: the 1-hour part of the cache writes (`usage.cache_creation.ephemeral_1h_input_tokens`). */
  cacheCreation1hInputTokens?: number;
}

/**
 * Reads a complete `/invoke` body or one streamed chunk of any supported family: Anthropic messages (and its
 * stream events), Amazon Nova (Converse-like) and Titan, Meta Llama, Mistral (text and chat), Cohere (Command R)
 * and AI21 Jamba (chat completions). The invocation metrics Bedrock appends to the last stream chunk win.
 */
export function readInvokeBody(value: unknown): InvokeBodyReading {
  const body = asFields(value);
  const reading: InvokeBodyReading = {};
  readAnthropic(body, reading);
  readNova(body, reading);
  readOthers(body, reading);
  const metrics = asFields(body["amazon-bedrock-invocationMetrics"]);
  reading.inputTokens = asNumber(metrics.inputTokenCount) ?? reading.inputTokens;
  reading.outputTokens = asNumber(metrics.outputTokenCount) ?? reading.outputTokens;
  return reading;
}

function readAnthropic(body: Fields, reading: InvokeBodyReading): void {
  const message =
    body.type === "message_start" ? asFields(body.message) : body.type === "message" ? body : undefined;
  if (message) {
    reading.id = asString(message.id);
    reading.model = asString(message.model);
    const text = asArray(message.content)
      .map((block) => asString(asFields(block).text) ?? "")
      .join("");
    if (text !== "") reading.text = text;
    reading.stopReason = asString(message.stop_reason);
    readAnthropicUsage(asFields(message.usage), reading);
  }
  if (body.type === "content_block_delta") reading.text = asString(asFields(body.delta).text);
  if (body.type === "message_delta") {
    reading.stopReason = asString(asFields(body.delta).stop_reason);
    readAnthropicUsage(asFields(body.usage), reading);
  }
}

function readAnthropicUsage(usage: Fields, reading: InvokeBodyReading): void {
  const input = asNumber(usage.input_tokens);
  const cacheRead = asNumber(usage.cache_read_input_tokens);
  const cacheWrite = asNumber(usage.cache_creation_input_tokens);
  if (input !== undefined) reading.inputTokens = input + (cacheRead ?? 0) + (cacheWrite ?? 0);
  reading.outputTokens = asNumber(usage.output_tokens) ?? reading.outputTokens;
  reading.cacheReadInputTokens = cacheRead ?? reading.cacheReadInputTokens;
  reading.cacheCreationInputTokens = cacheWrite ?? reading.cacheCreationInputTokens;
  reading.cacheCreation1hInputTokens =
    asNumber(asFields(usage.cache_creation).ephemeral_1h_input_tokens) ?? reading.cacheCreation1hInputTokens;
}

function readNova(body: Fields, reading: InvokeBodyReading): void {
  const message = asFields(asFields(body.output).message);
  const text = asArray(message.content)
    .map((block) => asString(asFields(block).text) ?? "")
    .join("");
  if (text !== "") reading.text = text;
  const delta = asString(asFields(asFields(body.contentBlockDelta).delta).text);
  if (delta !== undefined) reading.text = delta;
  reading.stopReason =
    asString(body.stopReason) ?? asString(asFields(body.messageStop).stopReason) ?? reading.stopReason;
  const usage = asFields(body.usage ?? asFields(body.metadata).usage);
  if (asNumber(usage.inputTokens) !== undefined) {
    const cacheRead = asNumber(usage.cacheReadInputTokenCount);
    const cacheWrite = asNumber(usage.cacheWriteInputTokenCount);
    reading.inputTokens = (asNumber(usage.inputTokens) ?? 0) + (cacheRead ?? 0) + (cacheWrite ?? 0);
    reading.outputTokens = asNumber(usage.outputTokens);
    reading.cacheReadInputTokens = cacheRead;
    reading.cacheCreationInputTokens = cacheWrite;
  }
}

function readOthers(body: Fields, reading: InvokeBodyReading): void {
  // Titan: a complete body has `results`, a stream chunk `outputText`.
  const titan = asFields(asArray(body.results)[0]);
  reading.text = asString(titan.outputText) ?? asString(body.outputText) ?? reading.text;
  reading.stopReason =
    asString(titan.completionReason) ?? asString(body.completionReason) ?? reading.stopReason;
  reading.inputTokens = asNumber(body.inputTextTokenCount) ?? reading.inputTokens;
  reading.outputTokens =
    asNumber(titan.tokenCount) ?? asNumber(body.totalOutputTextTokenCount) ?? reading.outputTokens;
  // Llama.
  reading.text = asString(body.generation) ?? reading.text;
  reading.inputTokens = asNumber(body.prompt_token_count) ?? reading.inputTokens;
  reading.outputTokens = asNumber(body.generation_token_count) ?? reading.outputTokens;
  reading.stopReason = asString(body.stop_reason) ?? reading.stopReason;
  // Mistral text completions.
  const output = asFields(asArray(body.outputs)[0]);
  reading.text = asString(output.text) ?? reading.text;
  reading.stopReason = asString(output.stop_reason) ?? reading.stopReason;
  // Chat completions (AI21 Jamba, Mistral chat): a complete message or a stream delta.
  const choice = asFields(asArray(body.choices)[0]);
  reading.text =
    asString(asFields(choice.message).content) ?? asString(asFields(choice.delta).content) ?? reading.text;
  reading.stopReason = asString(choice.finish_reason) ?? reading.stopReason;
  const usage = asFields(body.usage);
  reading.inputTokens = asNumber(usage.prompt_tokens) ?? reading.inputTokens;
  reading.outputTokens = asNumber(usage.completion_tokens) ?? reading.outputTokens;
  if (typeof body.id === "string" && body.type === undefined) reading.id = body.id;
  // Cohere Command R: a complete body, or `text-generation` / `stream-end` events.
  if (body.event_type === undefined || body.event_type === "text-generation") {
    if (typeof body.text === "string" && body.type === undefined) reading.text = body.text;
  }
  reading.id = asString(body.response_id) ?? reading.id;
  reading.stopReason = asString(body.finish_reason) ?? reading.stopReason;
}
