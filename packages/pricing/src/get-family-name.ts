const SNAPSHOT_SUFFIX = /-(?:\d{4}-\d{2}-\d{2}|\d{8}|\d{4})$/;

/**
 * The family a dated snapshot belongs to (`gpt-4o-2024-11-20` → `gpt-4o`, `grok-4.3-20260501` → `grok-4.3`), or
 * `undefined` when the name carries no snapshot date.
 */
export function getFamilyName(normalizedModel: string): string | undefined {
  const stripped = normalizedModel.replace(SNAPSHOT_SUFFIX, "");
  return stripped === normalizedModel ? undefined : stripped;
}
