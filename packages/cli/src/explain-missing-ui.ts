/**
 * Why `sightline dev` serves no web UI, in words for `--open` and the banner: turned off, or a Node
 * without `node:sqlite` (it ships unflagged from Node 22.13), or, on a Node that has it, the receiver
 * did not start one.
 */
export function explainMissingUi(options: { ui: boolean; nodeVersion: string }): string {
  if (!options.ui) return "the web UI is off (--no-ui)";
  if (!hasNodeSqlite(options.nodeVersion)) {
    return `the web UI needs node:sqlite, which Node ${options.nodeVersion} lacks; run sightline dev on Node 22.13 or later`;
  }
  return "this receiver serves no web UI";
}

/** `node:sqlite` without a flag: Node 22.13+ and 23.4+, and every later major. */
function hasNodeSqlite(version: string): boolean {
  const [major = 0, minor = 0] = version.replace(/^v/, "").split(".").map(Number);
  if (major === 22) return minor >= 13;
  if (major === 23) return minor >= 4;
  return major > 23;
}
