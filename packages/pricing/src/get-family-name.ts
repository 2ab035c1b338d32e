const SNAPSHOT_SUFFIX = /-(?:\d{4}-\d{2}-\d{2}|\d{8}|\d{4})$/;
/** Gemini's stable versions: `gemini-2.0-flash-001` is version 1 of `gemini-2.0-flash`. */
const GEMINI_VERSION_SUFFIX = /^(gemini-.+)-\d{3}$/;

/**
 * The family a dated snapshot belongs to (`gpt-4o-2024-11-20` → `gpt-4o`, `grok-4.3-20260501` → `grok-4.3`,
 * `gemini-1.5-pro-002` → `gemini-1.5-pro`), or `undefined` when the name carries no snapshot date or version.
 * Only a catalog entry that declares the family (`family`) is ever matched this way.
 */
export function getFamilyName(normalizedModel: string): string | undefined {
  const gemini = GEMINI_VERSION_SUFFIX.exec(normalizedModel)?.[1];
  if (gemini !== undefined) return gemini;
  const stripped = normalizedModel.replace(SNAPSHOT_SUFFIX, "");
  return stripped === normalizedModel ? undefined : stripped;
}
