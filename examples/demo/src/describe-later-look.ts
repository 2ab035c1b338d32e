/** The command that serves the web UI over the store again, from the repository root, with `node` as given. */
const openCommand = (node: string) => `${node} packages/cli/dist/cli.js dev --open`;

/**
 * The demo's closing lines: how to look at its traces after it ended (`sightline dev --open` over the same
 * store), or why nothing was kept.
 */
export function describeLaterLook(options: {
  storePath: string | undefined;
  storeChosen: boolean;
  /** The Node to name in the command: scripts/demo.sh runs the demo on Node 22 where the PATH's Node has no node:sqlite. */
  node?: string;
}): string {
  const OPEN_COMMAND = openCommand(options.node ?? "node");
  if (options.storePath === undefined) {
    return `\nnothing was kept: sightline dev kept no store (it needs Node 22.13+, for node:sqlite); with one, ${OPEN_COMMAND}\n`;
  }
  if (options.storePath === ":memory:") return "\nnothing was kept: the store was :memory:\n";
  // The default store is sightline dev's own default, so the plain command finds it.
  const store = options.storeChosen ? ` --store ${options.storePath}` : "";
  return (
    `\nlook at these traces again: ${OPEN_COMMAND}${store}\n` +
    `  (in your own app: npx sightline dev --open); they are kept in ${options.storePath}\n`
  );
}
