/**
 * The model family a response model belongs to, for keying drift streams: the name without the
 * date or version stamp providers append to snapshots (`gpt-4o-2024-08-06` → `gpt-4o`,
 * `claude-sonnet-4-5@20250929` → `claude-sonnet-4-5`, `…-20250514-v1:0` → `…`), so a new
 * snapshot lands in the same stream and shows up as a model change rather than a fresh baseline.
 */
export function getModelFamily(model: string): string {
  return model
    .replace(/-v\d+(:\d+)?$/, "")
    .replace(/@\d{8}$/, "")
    .replace(/-\d{4}-\d{2}-\d{2}$/, "")
    .replace(/-\d{8}$/, "")
    .replace(/-\d{4}$/, "");
}
