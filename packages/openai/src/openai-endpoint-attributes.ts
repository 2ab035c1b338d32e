/**
 * Attribute names for the OpenAI endpoints semconv v1.41 has no names for (images, audio, moderations,
 * built-in Responses tools). They carry the `sightline.` prefix, like every name semconv does not define.
 */

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
