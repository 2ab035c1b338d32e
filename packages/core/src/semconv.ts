/**
 * GenAI semantic convention names, copied from OpenTelemetry semantic conventions v1.41.1
 * (identical in `@opentelemetry/semantic-conventions/incubating` 1.41.1–1.45.0). Kept here rather
 * than imported because the incubating entry point is unstable and not meant for runtime imports.
 * Names that semconv does not define carry the `sightline.` prefix.
 */

/** Schema URL of the conventions emitted by this version. */
export const SEMCONV_SCHEMA_URL = "https://opentelemetry.io/schemas/1.41.0";

export const ATTR_GEN_AI_OPERATION_NAME = "gen_ai.operation.name";
export const ATTR_GEN_AI_PROVIDER_NAME = "gen_ai.provider.name";
/** Deprecated since v1.37; emitted only with the `legacySystemAttribute` option. */
export const ATTR_GEN_AI_SYSTEM = "gen_ai.system";
export const ATTR_GEN_AI_REQUEST_MODEL = "gen_ai.request.model";
export const ATTR_GEN_AI_REQUEST_MAX_TOKENS = "gen_ai.request.max_tokens";
export const ATTR_GEN_AI_REQUEST_TEMPERATURE = "gen_ai.request.temperature";
export const ATTR_GEN_AI_REQUEST_TOP_P = "gen_ai.request.top_p";
export const ATTR_GEN_AI_REQUEST_TOP_K = "gen_ai.request.top_k";
export const ATTR_GEN_AI_REQUEST_FREQUENCY_PENALTY = "gen_ai.request.frequency_penalty";
export const ATTR_GEN_AI_REQUEST_PRESENCE_PENALTY = "gen_ai.request.presence_penalty";
export const ATTR_GEN_AI_REQUEST_STOP_SEQUENCES = "gen_ai.request.stop_sequences";
export const ATTR_GEN_AI_REQUEST_SEED = "gen_ai.request.seed";
export const ATTR_GEN_AI_REQUEST_CHOICE_COUNT = "gen_ai.request.choice.count";
export const ATTR_GEN_AI_REQUEST_STREAM = "gen_ai.request.stream";
export const ATTR_GEN_AI_REQUEST_ENCODING_FORMATS = "gen_ai.request.encoding_formats";
export const ATTR_GEN_AI_OUTPUT_TYPE = "gen_ai.output.type";
export const ATTR_GEN_AI_CONVERSATION_ID = "gen_ai.conversation.id";
export const ATTR_GEN_AI_RESPONSE_ID = "gen_ai.response.id";
export const ATTR_GEN_AI_RESPONSE_MODEL = "gen_ai.response.model";
export const ATTR_GEN_AI_RESPONSE_FINISH_REASONS = "gen_ai.response.finish_reasons";
export const ATTR_GEN_AI_RESPONSE_TIME_TO_FIRST_CHUNK = "gen_ai.response.time_to_first_chunk";
export const ATTR_GEN_AI_USAGE_INPUT_TOKENS = "gen_ai.usage.input_tokens";
export const ATTR_GEN_AI_USAGE_OUTPUT_TOKENS = "gen_ai.usage.output_tokens";
export const ATTR_GEN_AI_USAGE_CACHE_READ_INPUT_TOKENS = "gen_ai.usage.cache_read.input_tokens";
export const ATTR_GEN_AI_USAGE_CACHE_CREATION_INPUT_TOKENS = "gen_ai.usage.cache_creation.input_tokens";
export const ATTR_GEN_AI_USAGE_REASONING_OUTPUT_TOKENS = "gen_ai.usage.reasoning.output_tokens";
export const ATTR_GEN_AI_EMBEDDINGS_DIMENSION_COUNT = "gen_ai.embeddings.dimension.count";
export const ATTR_GEN_AI_INPUT_MESSAGES = "gen_ai.input.messages";
export const ATTR_GEN_AI_OUTPUT_MESSAGES = "gen_ai.output.messages";
export const ATTR_GEN_AI_SYSTEM_INSTRUCTIONS = "gen_ai.system_instructions";
export const ATTR_GEN_AI_TOOL_DEFINITIONS = "gen_ai.tool.definitions";
export const ATTR_GEN_AI_TOKEN_TYPE = "gen_ai.token.type";
export const ATTR_SERVER_ADDRESS = "server.address";
export const ATTR_SERVER_PORT = "server.port";
export const ATTR_ERROR_TYPE = "error.type";
/** The span event semconv names for a recorded exception. */
export const EVENT_EXCEPTION = "exception";
export const ATTR_EXCEPTION_TYPE = "exception.type";
export const ATTR_EXCEPTION_MESSAGE = "exception.message";
export const ATTR_EXCEPTION_STACKTRACE = "exception.stacktrace";
/**
 * Log event (Logs API, severity WARN) for a failed GenAI client operation, with `exception.*`; emitted
 * only when a logger provider is registered (`@opentelemetry/api` 1.10+).
 */
export const EVENT_GEN_AI_CLIENT_OPERATION_EXCEPTION = "gen_ai.client.operation.exception";
export const ATTR_HTTP_RESPONSE_STATUS_CODE = "http.response.status_code";
export const ATTR_USER_ID = "user.id";

export const ATTR_OPENAI_API_TYPE = "openai.api.type";
export const ATTR_OPENAI_REQUEST_SERVICE_TIER = "openai.request.service_tier";
export const ATTR_OPENAI_RESPONSE_SERVICE_TIER = "openai.response.service_tier";
export const ATTR_OPENAI_RESPONSE_SYSTEM_FINGERPRINT = "openai.response.system_fingerprint";

/** Sightline's own attributes (no semconv name exists). */
export const ATTR_SIGHTLINE_TENANT_ID = "sightline.tenant.id";
export const ATTR_SIGHTLINE_FEATURE = "sightline.feature";
export const ATTR_SIGHTLINE_PROMPT_ID = "sightline.prompt.id";
export const ATTR_SIGHTLINE_PROMPT_VERSION = "sightline.prompt.version";
/** How a stream ended: `completed`, `cancelled` (consumer stopped early), `aborted`, `error`, `abandoned`. */
export const ATTR_SIGHTLINE_STREAM_OUTCOME = "sightline.stream.outcome";
/** Number of chunks the stream delivered. */
export const ATTR_SIGHTLINE_STREAM_CHUNKS = "sightline.stream.chunks";
/** Set when a captured content attribute was shortened to fit the byte bound. */
export const ATTR_SIGHTLINE_CONTENT_TRUNCATED = "sightline.content.truncated";
/**
 * The provider's own refusal or safety outcome, as the provider spells it (`content_filter`, `refusal`, `SAFETY`,
 * `guardrail_intervened`, …); set only when a response field reports one, with or without content capture.
 */
export const ATTR_SIGHTLINE_RESPONSE_REFUSAL = "sightline.response.refusal";
/** Set to `false` when a non-streaming response body was never read by the caller. */
export const ATTR_SIGHTLINE_RESPONSE_READ = "sightline.response.read";
/**
 * The Sightline package that recorded the call onto this span (another tool's span it attached to, or
 * `@sightline/core` for one the span processor priced): such spans are never priced or counted again.
 */
export const ATTR_SIGHTLINE_RECORDED_BY = "sightline.recorded_by";
/**
 * Set to `true` by the span processor on another tool's span that names a model call but has a
 * model call of the same kind under it (the AI SDK's `embeddings` span around each embedding
 * request): a roll-up, never priced or counted.
 */
export const ATTR_SIGHTLINE_ROLLUP = "sightline.rollup";
/**
 * Digest of a signed output, set by `@sightline/provenance`'s `recordProvenanceOnSpan`. That package is a
 * leaf and keeps its own copy; listed here so every name Sightline emits has one home
 * (scripts/check-semconv-names.mjs keeps the copies equal).
 */
export const ATTR_SIGHTLINE_PROVENANCE_DIGEST = "sightline.provenance.digest";
/** Id of the key that signed the output (never the key), set beside `sightline.provenance.digest`. */
export const ATTR_SIGHTLINE_PROVENANCE_KEY_ID = "sightline.provenance.key_id";

/** Well-known `gen_ai.operation.name` values used by Sightline. */
export const GEN_AI_OPERATION_CHAT = "chat";
export const GEN_AI_OPERATION_TEXT_COMPLETION = "text_completion";
export const GEN_AI_OPERATION_GENERATE_CONTENT = "generate_content";
export const GEN_AI_OPERATION_EMBEDDINGS = "embeddings";
export const GEN_AI_OPERATION_INVOKE_AGENT = "invoke_agent";
export const GEN_AI_OPERATION_EXECUTE_TOOL = "execute_tool";
/** A framework's whole run (one OpenAI Agents SDK trace), INTERNAL. */
export const GEN_AI_OPERATION_INVOKE_WORKFLOW = "invoke_workflow";
/** `invoke_workflow` span: the workflow's name. */
export const ATTR_GEN_AI_WORKFLOW_NAME = "gen_ai.workflow.name";

/** Agent and tool span attributes (semconv v1.41 agent spans). */
export const ATTR_GEN_AI_AGENT_NAME = "gen_ai.agent.name";
export const ATTR_GEN_AI_AGENT_ID = "gen_ai.agent.id";
export const ATTR_GEN_AI_AGENT_DESCRIPTION = "gen_ai.agent.description";
export const ATTR_GEN_AI_AGENT_VERSION = "gen_ai.agent.version";
export const ATTR_GEN_AI_TOOL_NAME = "gen_ai.tool.name";
export const ATTR_GEN_AI_TOOL_CALL_ID = "gen_ai.tool.call.id";
export const ATTR_GEN_AI_TOOL_TYPE = "gen_ai.tool.type";
export const ATTR_GEN_AI_TOOL_DESCRIPTION = "gen_ai.tool.description";
/** Opt-in (content capture): the tool's arguments and result, as JSON strings on spans. */
export const ATTR_GEN_AI_TOOL_CALL_ARGUMENTS = "gen_ai.tool.call.arguments";
export const ATTR_GEN_AI_TOOL_CALL_RESULT = "gen_ai.tool.call.result";

export const GEN_AI_TOKEN_TYPE_INPUT = "input";
export const GEN_AI_TOKEN_TYPE_OUTPUT = "output";

/** Fallback `error.type` when nothing better is known. */
export const ERROR_TYPE_OTHER = "_OTHER";

export const METRIC_GEN_AI_CLIENT_OPERATION_DURATION = "gen_ai.client.operation.duration";
export const METRIC_GEN_AI_CLIENT_TOKEN_USAGE = "gen_ai.client.token.usage";
export const METRIC_GEN_AI_CLIENT_OPERATION_TIME_TO_FIRST_CHUNK =
  "gen_ai.client.operation.time_to_first_chunk";
export const METRIC_GEN_AI_CLIENT_OPERATION_TIME_PER_OUTPUT_CHUNK =
  "gen_ai.client.operation.time_per_output_chunk";

/** Bucket boundaries (seconds) semconv v1.41 gives for GenAI duration histograms. */
export const DURATION_BUCKETS: readonly number[] = [
  0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92,
];
/** Bucket boundaries semconv v1.41 gives for the token usage histogram. */
export const TOKEN_BUCKETS: readonly number[] = [
  1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304, 16777216, 67108864,
];

/** Cost of the call in USD; the name OpenLIT and Langfuse already read. */
export const ATTR_GEN_AI_USAGE_COST = "gen_ai.usage.cost";
/** How the model matched the price catalog (`exact`, `alias`, `normalized`, `family`, `override`) or `unpriced`. */
export const ATTR_SIGHTLINE_COST_MATCH = "sightline.cost.match";
/** The catalog entry the call was priced as. */
export const ATTR_SIGHTLINE_COST_MODEL = "sightline.cost.model";
/** Cost breakdown parts (USD, zero parts omitted); together they add up to `gen_ai.usage.cost`. */
export const ATTR_SIGHTLINE_COST_INPUT = "sightline.cost.input";
export const ATTR_SIGHTLINE_COST_CACHED_INPUT = "sightline.cost.cached_input";
export const ATTR_SIGHTLINE_COST_CACHE_WRITE = "sightline.cost.cache_write";
export const ATTR_SIGHTLINE_COST_OUTPUT = "sightline.cost.output";
export const ATTR_SIGHTLINE_COST_REASONING = "sightline.cost.reasoning";
export const ATTR_SIGHTLINE_COST_AUDIO_INPUT = "sightline.cost.audio_input";
export const ATTR_SIGHTLINE_COST_AUDIO_OUTPUT = "sightline.cost.audio_output";
export const ATTR_SIGHTLINE_COST_IMAGE_INPUT = "sightline.cost.image_input";
export const ATTR_SIGHTLINE_COST_IMAGE_OUTPUT = "sightline.cost.image_output";
/** Non-token units (images, seconds of audio, characters, built-in tool calls), USD. */
export const ATTR_SIGHTLINE_COST_UNITS = "sightline.cost.units";
/** Billed units the catalog has no price for (`unit` or `unit:variant`); the total leaves them out. */
export const ATTR_SIGHTLINE_COST_UNPRICED_UNITS = "sightline.cost.unpriced_units";
/** Version of the price catalog used. */
export const ATTR_SIGHTLINE_PRICING_VERSION = "sightline.pricing.version";
export const COST_MATCH_UNPRICED = "unpriced";
/** On an agent span: the sum (USD) of the priced model calls made inside it, nested agents included. */
export const ATTR_SIGHTLINE_COST_TOTAL = "sightline.cost.total";
/** Counter of spend, USD. */
export const METRIC_SIGHTLINE_GEN_AI_COST = "sightline.gen_ai.cost";
/** Counter of calls whose model has no price. */
export const METRIC_SIGHTLINE_GEN_AI_COST_UNPRICED = "sightline.gen_ai.cost.unpriced";

/** Span event for a drift verdict, and for a changed response model or fingerprint. */
export const EVENT_SIGHTLINE_DRIFT = "sightline.drift";
export const EVENT_SIGHTLINE_MODEL_CHANGE = "sightline.model_change";
export const ATTR_SIGHTLINE_DRIFT_KIND = "sightline.drift.kind";
export const ATTR_SIGHTLINE_DRIFT_SIGNAL = "sightline.drift.signal";
export const ATTR_SIGHTLINE_DRIFT_DETECTOR = "sightline.drift.detector";
export const ATTR_SIGHTLINE_DRIFT_STATISTIC = "sightline.drift.statistic";
export const ATTR_SIGHTLINE_DRIFT_THRESHOLD = "sightline.drift.threshold";
export const ATTR_SIGHTLINE_DRIFT_SCORE = "sightline.drift.score";
export const ATTR_SIGHTLINE_DRIFT_DIRECTION = "sightline.drift.direction";
export const ATTR_SIGHTLINE_DRIFT_PREVIOUS = "sightline.drift.previous";
export const ATTR_SIGHTLINE_DRIFT_NEXT = "sightline.drift.next";
/**
 * The model drift streams are keyed by: the model the caller asked for (the request model), or, when the
 * request names none, the response model without its date. The name stays for the alert rules that group by it.
 */
export const ATTR_SIGHTLINE_MODEL_FAMILY = "sightline.model.family";
/** Gauge: the current drift score per stream and signal (1 = at the alarm threshold). */
export const METRIC_SIGHTLINE_GEN_AI_DRIFT_SCORE = "sightline.gen_ai.drift.score";
/** Counter of drift verdicts and model changes. */
export const METRIC_SIGHTLINE_GEN_AI_DRIFT_EVENTS = "sightline.gen_ai.drift.events";
/** Gauge: drift streams monitored now (at most the monitor's key bound, `maxKeys`). */
export const METRIC_SIGHTLINE_GEN_AI_DRIFT_STREAMS = "sightline.gen_ai.drift.streams";
/** Observable counter of calls the key bound kept out of their own stream, split by `sightline.drift.rollup`. */
export const METRIC_SIGHTLINE_GEN_AI_DRIFT_ROLLED_UP = "sightline.gen_ai.drift.rolled_up";
/** `parent` (observed in the stream without the feature) or `unmonitored` (not observed). */
export const ATTR_SIGHTLINE_DRIFT_ROLLUP = "sightline.drift.rollup";
export const DRIFT_ROLLUP_PARENT = "parent";
export const DRIFT_ROLLUP_UNMONITORED = "unmonitored";

/** Findings per kind that redaction replaced on this span: `sightline.redaction.<kind>.count`. */
export const ATTR_SIGHTLINE_REDACTION_COUNT_PREFIX = "sightline.redaction.";
/** Total findings redaction replaced on this span. */
export const ATTR_SIGHTLINE_REDACTION_COUNT = "sightline.redaction.count";

/** Span event when a call is made (or refused) while a budget is spent, or when a call crosses it. */
export const EVENT_SIGHTLINE_BUDGET_EXCEEDED = "sightline.budget.exceeded";
/**
 * Span event when a call is checked against a budget whose store is unavailable; the action is
 * `refused` (fail-closed budget, enforce mode) or `observed` (the call goes through on the last known spend).
 */
export const EVENT_SIGHTLINE_BUDGET_STORE_UNAVAILABLE = "sightline.budget.store_unavailable";
/** Span event when a call breaks a policy (model, provider, max tokens). */
export const EVENT_SIGHTLINE_POLICY_VIOLATION = "sightline.policy.violation";
/** Span event when a policy kept a call's content off the span. */
export const EVENT_SIGHTLINE_POLICY_CONTENT_SUPPRESSED = "sightline.policy.content_suppressed";
export const ATTR_SIGHTLINE_BUDGET_NAME = "sightline.budget.name";
export const ATTR_SIGHTLINE_BUDGET_UNIT = "sightline.budget.unit";
export const ATTR_SIGHTLINE_BUDGET_WINDOW = "sightline.budget.window";
export const ATTR_SIGHTLINE_BUDGET_KEY = "sightline.budget.key";
export const ATTR_SIGHTLINE_BUDGET_USED = "sightline.budget.used";
export const ATTR_SIGHTLINE_BUDGET_LIMIT = "sightline.budget.limit";
export const ATTR_SIGHTLINE_POLICY_NAME = "sightline.policy.name";
export const ATTR_SIGHTLINE_POLICY_RULE = "sightline.policy.rule";
/** `observe` or `enforce`. */
export const ATTR_SIGHTLINE_GOVERNANCE_MODE = "sightline.governance.mode";
/** What happened: `observed` (call sent), `refused` (call not sent), `crossed` (this call spent the rest). */
export const ATTR_SIGHTLINE_GOVERNANCE_ACTION = "sightline.governance.action";
/** Set to `true` on the span of a call a guard refused (nothing was sent). */
export const ATTR_SIGHTLINE_GOVERNANCE_REFUSED = "sightline.governance.refused";
/** Gauge: spend so far in the current window, per budget (and key). */
export const METRIC_SIGHTLINE_BUDGET_USED = "sightline.budget.used";
/** Gauge: the budget's limit, in the same unit. */
export const METRIC_SIGHTLINE_BUDGET_LIMIT = "sightline.budget.limit";
/** Counter of budget breaches (observed, crossed or refused calls). */
export const METRIC_SIGHTLINE_BUDGET_BREACHES = "sightline.budget.breaches";
/** Counter of policy violations. */
export const METRIC_SIGHTLINE_POLICY_VIOLATIONS = "sightline.policy.violations";

/** Semconv GenAI evaluation result event / span attributes (v1.41). */
export const EVENT_GEN_AI_EVALUATION_RESULT = "gen_ai.evaluation.result";
export const ATTR_GEN_AI_EVALUATION_NAME = "gen_ai.evaluation.name";
export const ATTR_GEN_AI_EVALUATION_SCORE_VALUE = "gen_ai.evaluation.score.value";
export const ATTR_GEN_AI_EVALUATION_SCORE_LABEL = "gen_ai.evaluation.score.label";
export const ATTR_GEN_AI_EVALUATION_EXPLANATION = "gen_ai.evaluation.explanation";
/** Span name and event name of a recorded business outcome. */
export const EVENT_SIGHTLINE_OUTCOME = "sightline.outcome";
/** `resolved`, `deflected`, `escalated` or your own kind. */
export const ATTR_SIGHTLINE_OUTCOME_KIND = "sightline.outcome.kind";
/** A number recorded with an outcome (e.g. minutes saved); span only. */
export const ATTR_SIGHTLINE_OUTCOME_VALUE = "sightline.outcome.value";
/** Counter of outcomes by kind. */
export const METRIC_SIGHTLINE_GEN_AI_OUTCOMES = "sightline.gen_ai.outcomes";
/** Histogram of feedback and evaluation scores. */
export const METRIC_SIGHTLINE_GEN_AI_FEEDBACK_SCORE = "sightline.gen_ai.feedback.score";
/** Whether an evaluated answer passed the evaluator (span and metric attribute of an evaluation result). */
export const ATTR_SIGHTLINE_EVALUATION_PASSED = "sightline.evaluation.passed";
/** Histogram of evaluator scores (0–1, 1 best) by evaluator, model, provider, feature and pass/fail. */
export const METRIC_SIGHTLINE_GEN_AI_EVALUATION_SCORE = "sightline.gen_ai.evaluation.score";
/** Counter of evaluation results by evaluator, model, provider, feature and pass/fail. */
export const METRIC_SIGHTLINE_GEN_AI_EVALUATION_RESULTS = "sightline.gen_ai.evaluation.results";
/** Counter of online evaluations not run because the queue was full or the cost budget was spent. */
export const METRIC_SIGHTLINE_GEN_AI_EVALUATION_DROPPED = "sightline.gen_ai.evaluation.dropped";
/** Why an online evaluation was dropped: `queue_full` or `budget`. */
export const ATTR_SIGHTLINE_EVALUATION_DROP_REASON = "sightline.evaluation.drop_reason";
/** Prefix of the drift signals fed by evaluation results: `eval.<name>.score` and `eval.<name>.passed`. */
export const DRIFT_SIGNAL_EVALUATION_PREFIX = "eval.";

// OpenAI endpoints semconv v1.41 has no names for (images, audio, moderations, built-in Responses
// tools): `sightline.` names, like every name semconv does not define.

/** `openai.api.type` values beyond semconv's `chat_completions` and `responses` (its enum is open). */
export const OPENAI_API_TYPE_COMPLETIONS = "completions";
export const OPENAI_API_TYPE_IMAGES = "images";
export const OPENAI_API_TYPE_AUDIO_TRANSCRIPTIONS = "audio.transcriptions";
export const OPENAI_API_TYPE_AUDIO_TRANSLATIONS = "audio.translations";
export const OPENAI_API_TYPE_AUDIO_SPEECH = "audio.speech";
export const OPENAI_API_TYPE_MODERATIONS = "moderations";

/** `gen_ai.operation.name` of a moderation call: no semconv v1.41 value fits a classification. */
export const OPERATION_MODERATION = "moderation";

/** Images returned (int). */
export const ATTR_SIGHTLINE_IMAGE_COUNT = "sightline.image.count";
/** Requested image size, e.g. `1024x1024` (the effective one when the response says). */
export const ATTR_SIGHTLINE_IMAGE_SIZE = "sightline.image.size";
/** Requested image quality, e.g. `standard`, `hd`, `low`, `high` (the effective one when the response says). */
export const ATTR_SIGHTLINE_IMAGE_QUALITY = "sightline.image.quality";
/** DALL·E 3 style (`vivid`, `natural`). */
export const ATTR_SIGHTLINE_IMAGE_STYLE = "sightline.image.style";

/** Seconds of input audio a transcription or translation was billed for (double). */
export const ATTR_SIGHTLINE_AUDIO_DURATION = "sightline.audio.duration";
/** Characters of text sent to speech synthesis (int). */
export const ATTR_SIGHTLINE_AUDIO_INPUT_CHARACTERS = "sightline.audio.input_characters";
/** Speech voice. */
export const ATTR_SIGHTLINE_AUDIO_VOICE = "sightline.audio.voice";
/** Requested audio or transcript format (`mp3`, `wav`, `json`, `verbose_json`, `srt`, …). */
export const ATTR_SIGHTLINE_AUDIO_FORMAT = "sightline.audio.format";
/** Language the caller gave (transcriptions), or the one the API detected (verbose_json). */
export const ATTR_SIGHTLINE_AUDIO_LANGUAGE = "sightline.audio.language";

/** Moderation results returned, one per input (int). */
export const ATTR_SIGHTLINE_MODERATION_RESULTS = "sightline.moderation.results";
/** Moderation results flagged (int). */
export const ATTR_SIGHTLINE_MODERATION_FLAGGED = "sightline.moderation.flagged";

/** Prefix of the per-type counts of built-in tool calls in a Responses output (`….web_search`, int). */
export const ATTR_SIGHTLINE_BUILTIN_TOOL_CALLS_PREFIX = "sightline.builtin_tool_calls.";

/** OpenAI Agents SDK: one agent handed the conversation to another (an event on the `invoke_agent` span). */
export const EVENT_SIGHTLINE_AGENTS_HANDOFF = "sightline.agents.handoff";
/** Handoff event: the agent handing off. */
export const ATTR_SIGHTLINE_AGENTS_HANDOFF_FROM = "sightline.agents.handoff.from";
/** Handoff event: the agent taking over. */
export const ATTR_SIGHTLINE_AGENTS_HANDOFF_TO = "sightline.agents.handoff.to";
/** OpenAI Agents SDK: a guardrail ran (an event on the `invoke_agent` span). */
export const EVENT_SIGHTLINE_AGENTS_GUARDRAIL = "sightline.agents.guardrail";
/** Guardrail event: the guardrail's name. */
export const ATTR_SIGHTLINE_AGENTS_GUARDRAIL_NAME = "sightline.agents.guardrail.name";
/** Guardrail event: true when its tripwire was triggered (bool). */
export const ATTR_SIGHTLINE_AGENTS_GUARDRAIL_TRIGGERED = "sightline.agents.guardrail.triggered";
/** Bedrock: the guardrail of a Converse call or of an `apply_guardrail` span (semconv). */
export const ATTR_AWS_BEDROCK_GUARDRAIL_ID = "aws.bedrock.guardrail.id";
/** Bedrock: the guardrail version an `apply_guardrail` span applied (`1`, `DRAFT`). */
export const ATTR_AWS_BEDROCK_GUARDRAIL_VERSION = "aws.bedrock.guardrail.version";
/** Span name prefix of a standalone guardrail check (`apply_guardrail {guardrailIdentifier}`); not a model call. */
export const SIGHTLINE_OPERATION_APPLY_GUARDRAIL = "apply_guardrail";
/** Guardrail span: what was checked, `INPUT` (a prompt) or `OUTPUT` (a model's answer). */
export const ATTR_SIGHTLINE_GUARDRAIL_SOURCE = "sightline.guardrail.source";
/** Guardrail span: the guardrail's action, `NONE` or `GUARDRAIL_INTERVENED`. */
export const ATTR_SIGHTLINE_GUARDRAIL_ACTION = "sightline.guardrail.action";
/** A guardrail intervened (an event on its `apply_guardrail` span). */
export const EVENT_SIGHTLINE_GUARDRAIL = "sightline.guardrail";
/** Guardrail event: the policies whose assessments fired (`topicPolicy`, `contentPolicy`, …; string[]). */
export const ATTR_SIGHTLINE_GUARDRAIL_POLICIES = "sightline.guardrail.policies";
/** Guardrail span, content capture only: the content checked (JSON, redacted, bounded). */
export const ATTR_SIGHTLINE_GUARDRAIL_CONTENT = "sightline.guardrail.content";
/** Guardrail span, content capture only: the guardrail's outputs, e.g. the blocked message (JSON, redacted, bounded). */
export const ATTR_SIGHTLINE_GUARDRAIL_OUTPUTS = "sightline.guardrail.outputs";
/** INTERNAL spans for the SDK's own span types with no GenAI operation (custom, mcp_tools, …): the SDK's span type. */
export const ATTR_SIGHTLINE_AGENTS_SPAN_TYPE = "sightline.agents.span_type";
/** LangChain run type of a span `@sightline/langchain` made for a run: `chain`, `graph`, `graph_node`, `agent`. */
export const ATTR_SIGHTLINE_LANGCHAIN_RUN_TYPE = "sightline.langchain.run_type";
/** The LangChain run id of a span `@sightline/langchain` made. */
export const ATTR_SIGHTLINE_LANGCHAIN_RUN_ID = "sightline.langchain.run_id";

/** Ollama: the call's whole time on the server, from its `total_duration` (int, nanoseconds). */
export const ATTR_SIGHTLINE_OLLAMA_TOTAL_DURATION_NS = "sightline.ollama.total_duration_ns";
/** Ollama: time spent loading the model, from its `load_duration` (int, nanoseconds). */
export const ATTR_SIGHTLINE_OLLAMA_LOAD_DURATION_NS = "sightline.ollama.load_duration_ns";
/** Ollama: time spent evaluating the prompt, from its `prompt_eval_duration` (int, nanoseconds). */
export const ATTR_SIGHTLINE_OLLAMA_PROMPT_EVAL_DURATION_NS = "sightline.ollama.prompt_eval_duration_ns";
/** Ollama: time spent generating the answer, from its `eval_duration` (int, nanoseconds). */
export const ATTR_SIGHTLINE_OLLAMA_EVAL_DURATION_NS = "sightline.ollama.eval_duration_ns";

// Cohere fields semconv v1.41 has no names for (it defines no `cohere.*` namespace): `sightline.` names.
/** Cohere's own token counts (`usage.tokens`, which include its prompt template), beside the billed semconv counts (int). */
export const ATTR_SIGHTLINE_COHERE_USAGE_TOKENS_INPUT = "sightline.cohere.usage.tokens.input_tokens";
export const ATTR_SIGHTLINE_COHERE_USAGE_TOKENS_OUTPUT = "sightline.cohere.usage.tokens.output_tokens";
/** The raw Cohere finish reason (`COMPLETE`, `MAX_TOKENS`, …) beside the mapped semconv one. */
export const ATTR_SIGHTLINE_COHERE_RESPONSE_FINISH_REASON = "sightline.cohere.response.finish_reason";
/** Embed: the `input_type` asked for (`search_document`, `search_query`, `classification`, `clustering`, `image`). */
export const ATTR_SIGHTLINE_COHERE_EMBED_INPUT_TYPE = "sightline.cohere.embed.input_type";
/** Rerank: documents sent, `top_n` asked for and results returned (int). */
export const ATTR_SIGHTLINE_COHERE_RERANK_DOCUMENTS_COUNT = "sightline.cohere.rerank.documents.count";
export const ATTR_SIGHTLINE_COHERE_RERANK_TOP_N = "sightline.cohere.rerank.top_n";
export const ATTR_SIGHTLINE_COHERE_RERANK_RESULTS_COUNT = "sightline.cohere.rerank.results.count";

// Dataset evaluation runs (`sightline eval`, `runEvalDataset` in @sightline/evals): semconv v1.41 has no
// names for an offline run over a dataset, so these are `sightline.` names.

/** Span name of one dataset run against one target (configuration); its row spans are its children. */
export const SPAN_SIGHTLINE_EVAL_RUN = "sightline.eval.run";
/** Span name of one dataset row run against a target; the target's model-call spans are its children. */
export const SPAN_SIGHTLINE_EVAL_ROW = "sightline.eval.row";
/** The target (model/prompt configuration) a run or row ran against, e.g. `baseline`. */
export const ATTR_SIGHTLINE_EVAL_TARGET = "sightline.eval.target";
/** The dataset a run read, e.g. its file name. */
export const ATTR_SIGHTLINE_EVAL_DATASET = "sightline.eval.dataset";
/** Rows in the run (int). */
export const ATTR_SIGHTLINE_EVAL_ROW_COUNT = "sightline.eval.row.count";
/** Rows of the run that passed every evaluator (int). */
export const ATTR_SIGHTLINE_EVAL_ROW_PASSED_COUNT = "sightline.eval.row.passed_count";
/** The dataset row's `id`. */
export const ATTR_SIGHTLINE_EVAL_ROW_ID = "sightline.eval.row.id";
/** Attempts the row took (int; more than 1 after retries). */
export const ATTR_SIGHTLINE_EVAL_ROW_ATTEMPTS = "sightline.eval.row.attempts";
/** Whether the row passed every evaluator (boolean). */
export const ATTR_SIGHTLINE_EVAL_ROW_PASSED = "sightline.eval.row.passed";
